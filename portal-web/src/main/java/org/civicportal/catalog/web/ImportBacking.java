package org.civicportal.catalog.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.civicportal.catalog.boundary.Imports;
import org.civicportal.catalog.entity.ImportJob;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;

/**
 * {@code /staff/import?job=}: a tenant admin uploads a JSON Lines or CSV file of services; the page
 * then follows the job with a progress bar and shows its report (created, updated, unchanged,
 * rejected lines with reasons).
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Imports imports;
  @Inject StaffAccess access;
  @Inject LanguageBacking language;
  @Inject FacesContext faces;

  private String job;
  private transient Part file;
  private transient ImportJob current;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    if (!access.isTenantAdmin()) {
      faces.getExternalContext().responseSendError(403, "Tenant admins only");
      faces.responseComplete();
    }
  }

  public void upload() throws IOException {
    if (file == null || file.getSize() == 0) {
      error("import.noFile");
      return;
    }
    String name = file.getSubmittedFileName() == null ? "" : file.getSubmittedFileName();
    ImportJob.Format format =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? ImportJob.Format.CSV
            : ImportJob.Format.JSON_LINES;
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readNBytes(Imports.MAX_CHARS * 2 + 1);
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      ImportJob started = imports.start(format, text);
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath()
                  + "/staff/import?job="
                  + started.id());
    } catch (CharacterCodingException e) {
      error("import.notUtf8");
    } catch (InvalidInputException | NotPermittedException e) {
      faces.addMessage(
          "importForm:file", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  private void error(String key) {
    faces.addMessage(
        "importForm:file",
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            ResourceBundle.getBundle("i18n.messages", language.getLocale()).getString(key),
            null));
  }

  /** The job being followed, read again at each poll. */
  public ImportJob getCurrent() {
    if (current == null && job != null) {
      try {
        current = imports.find(Long.parseLong(job)).orElse(null);
      } catch (NumberFormatException e) {
        current = null;
      }
    }
    return current;
  }

  public boolean isFinished() {
    ImportJob j = getCurrent();
    return j == null || j.state() == ImportJob.State.DONE || j.state() == ImportJob.State.FAILED;
  }

  /** Called by the poll: forget the cached job so it is read again. */
  public void refresh() {
    current = null;
  }

  public List<ImportJob> getRecent() {
    return imports.recent(10);
  }

  public String getJob() {
    return job;
  }

  public void setJob(String job) {
    this.job = job;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
