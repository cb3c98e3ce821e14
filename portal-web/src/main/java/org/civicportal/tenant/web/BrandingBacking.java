package org.civicportal.tenant.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ResourceBundle;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.boundary.Branding;

/**
 * {@code /staff/branding}: a tenant admin sets the primary colour and the logo. A colour that fails
 * WCAG AA contrast is refused with a message next to the field, and what was typed stays.
 */
@Named
@ViewScoped
public class BrandingBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Branding branding;
  @Inject StaffAccess access;
  @Inject LanguageBacking language;
  @Inject FacesContext faces;

  private String name;
  private String colour;
  private boolean removeLogo;
  private transient Part logo;

  public void load() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    if (!access.isTenantAdmin()) {
      faces.getExternalContext().responseSendError(403, "Tenant admins only");
      faces.responseComplete();
      return;
    }
    colour = branding.look().colour();
    name = branding.name();
  }

  public void save() throws IOException {
    byte[] image = null;
    boolean keepLogo = !removeLogo;
    if (logo != null && logo.getSize() > 0) {
      if (logo.getSize() > Branding.MAX_LOGO_BYTES) {
        faces.addMessage(
            "brandingForm:logo",
            new FacesMessage(FacesMessage.SEVERITY_ERROR, text("branding.logo.tooLarge"), null));
        return;
      }
      try (InputStream in = logo.getInputStream()) {
        image = in.readAllBytes();
      }
      keepLogo = false;
    }
    try {
      branding.brand(name == null ? "" : name, colour, image, keepLogo);
      faces.getExternalContext().getFlash().put("notice", text("branding.saved"));
      faces
          .getExternalContext()
          .redirect(faces.getExternalContext().getRequestContextPath() + "/staff/branding");
    } catch (InvalidInputException e) {
      String field =
          switch (e.parameter()) {
            case "logo" -> "brandingForm:logo";
            case "name" -> "brandingForm:portalName";
            default -> "brandingForm:colour";
          };
      faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (NotPermittedException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  private String text(String key) {
    return ResourceBundle.getBundle("i18n.messages", language.getLocale()).getString(key);
  }

  public boolean isHasLogo() {
    return branding.look().hasLogo();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getColour() {
    return colour;
  }

  public void setColour(String colour) {
    this.colour = colour;
  }

  public boolean isRemoveLogo() {
    return removeLogo;
  }

  public void setRemoveLogo(boolean removeLogo) {
    this.removeLogo = removeLogo;
  }

  public Part getLogo() {
    return logo;
  }

  public void setLogo(Part logo) {
    this.logo = logo;
  }
}
