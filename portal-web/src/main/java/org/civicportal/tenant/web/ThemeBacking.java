package org.civicportal.tenant.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ResourceBundle;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.tenant.boundary.Branding;
import org.civicportal.web.PreferenceCookies;

/**
 * The look of the page being rendered: the tenant's brand colour and logo, and the visitor's choice
 * of the standard or the high-contrast theme ({@code ?contrast=high} or {@code standard},
 * remembered in a cookie for a year).
 */
@Named("portalTheme")
@RequestScoped
public class ThemeBacking {
  public static final String COOKIE = "civic_contrast";

  @Inject Branding branding;
  @Inject HttpServletRequest request;
  @Inject LanguageBacking language;

  private Boolean highContrast;
  private Branding.Look look;

  private Branding.Look look() {
    if (look == null) {
      look = branding.look();
    }
    return look;
  }

  /** A style element setting the tenant's colours, or nothing for the default colours. */
  public String getBrandStyle() {
    Branding.Look l = look();
    if (l.colour() == null) {
      return "";
    }
    // both values are validated #rrggbb colours, so they are safe inside the style element
    return "<style>:root{--civic-brand:"
        + l.colour()
        + ";--civic-brand-text:"
        + l.textColour()
        + "}</style>";
  }

  /** The address of the tenant's logo (changes with each new logo), or null. */
  public String getLogoUrl() {
    Branding.Look l = look();
    return l.hasLogo() ? request.getContextPath() + "/brand/logo?v=" + l.version() : null;
  }

  public boolean isHighContrast() {
    if (highContrast == null) {
      highContrast = chosen();
    }
    return highContrast;
  }

  public String getBodyClass() {
    return isHighContrast() ? "theme-high-contrast" : "";
  }

  public String getToggleUrl() {
    return language.currentPathWith("contrast", isHighContrast() ? "standard" : "high");
  }

  public String getToggleLabel() {
    ResourceBundle messages = ResourceBundle.getBundle("i18n.messages", language.getLocale());
    return messages.getString(isHighContrast() ? "theme.contrast.standard" : "theme.contrast.high");
  }

  private boolean chosen() {
    String asked = request.getParameter("contrast");
    if ("high".equals(asked) || "standard".equals(asked)) {
      PreferenceCookies.remember(request, COOKIE, asked);
      return "high".equals(asked);
    }
    return PreferenceCookies.read(request, COOKIE).map("high"::equals).orElse(false);
  }
}
