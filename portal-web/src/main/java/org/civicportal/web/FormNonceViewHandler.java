package org.civicportal.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

/**
 * Writes the page's script nonce into every Faces form as the hidden field PrimeFaces expects back
 * with a post ({@code primefaces.nonce}). PrimeFaces' own script adds that field once the page has
 * loaded; written by the server as well, a form sent before the script ran, or by a browser without
 * scripts, still carries it, rather than failing with PrimeFaces' "CSP nonce mismatch" when the
 * page is shown again (a sign-in with a wrong password, a form with an error).
 */
public class FormNonceViewHandler extends ViewHandlerWrapper {
  static final String FIELD = "primefaces.nonce";

  public FormNonceViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void writeState(FacesContext context) throws IOException {
    if (PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
      ResponseWriter writer = context.getResponseWriter();
      writer.startElement("input", null);
      writer.writeAttribute("type", "hidden", null);
      writer.writeAttribute("name", FIELD, null);
      writer.writeAttribute("value", PrimeFacesContext.getCspState(context).getNonce(), null);
      writer.endElement("input");
    }
    super.writeState(context);
  }
}
