package org.civicportal.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ResourceBundle;
import org.civicportal.identity.boundary.Registrations;
import org.civicportal.persistence.control.PortalSettings;
import org.civicportal.problem.boundary.InvalidInputException;

/**
 * {@code /register}, {@code /verify}, {@code /reset} and {@code /reset-password}: citizens create
 * an account, confirm their e-mail address, and reset a forgotten password. What was typed stays in
 * the form when something is refused.
 */
@Named
@RequestScoped
public class RegisterBacking {
  @Inject Registrations registrations;
  @Inject FacesContext faces;

  private String username;
  private String email;
  private String password;
  private String token;
  private boolean done;
  private Boolean verified;

  public void register() {
    try {
      registrations.register(username, email, password, baseUrl());
      done = true;
    } catch (InvalidInputException e) {
      faces.addMessage(
          "registerForm:" + e.parameter(),
          new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    } catch (IllegalStateException e) {
      error("registerForm", "register.mailFailed");
    }
  }

  /** Runs when the verification link is opened. */
  public void verify() {
    verified = registrations.verify(token);
  }

  public void requestReset() {
    try {
      registrations.requestReset(email, baseUrl());
    } catch (IllegalStateException e) {
      error("resetForm", "register.mailFailed");
      return;
    }
    done = true;
  }

  public void resetPassword() {
    try {
      done = registrations.resetPassword(token, password);
      if (!done) {
        error("newPasswordForm", "reset.linkInvalid");
      }
    } catch (InvalidInputException e) {
      faces.addMessage(
          "newPasswordForm:password",
          new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  private void error(String component, String key) {
    ResourceBundle messages =
        ResourceBundle.getBundle("i18n.messages", faces.getViewRoot().getLocale());
    faces.addMessage(
        component, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.getString(key), null));
  }

  private String baseUrl() {
    String configured = PortalSettings.current().publicUrl();
    if (!configured.isEmpty()) {
      return configured.endsWith("/")
          ? configured.substring(0, configured.length() - 1)
          : configured;
    }
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length())
        + request.getContextPath();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public boolean isDone() {
    return done;
  }

  public Boolean getVerified() {
    return verified;
  }
}
