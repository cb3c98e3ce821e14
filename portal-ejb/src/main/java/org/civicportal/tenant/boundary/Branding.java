package org.civicportal.tenant.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.catalog.control.CatalogueCache;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.control.Contrast;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.entity.Tenant;

/**
 * A tenant's look: its primary colour (the header and accents) and its logo, which tenant admins
 * change at run time. A colour on which neither white nor near-black text reaches WCAG AA contrast
 * (4.5:1) is refused. Logos are PNG, JPEG or WebP up to 256 KB, checked by their first bytes; SVG
 * is refused because it can carry script.
 */
@ApplicationScoped
@Transactional
public class Branding {
  public static final int MAX_LOGO_BYTES = 256 * 1024;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Tenants tenants;
  @Inject CurrentSubject subjects;
  @Inject AuditTrail audit;
  @Inject CatalogueCache pages;
  @Inject jakarta.enterprise.event.Event<BrandingChanged> changed;

  /**
   * What pages need to draw the current tenant's look. Kept in memory by {@link CatalogueCache},
   * which forgets it when a change commits on this node and after 30 s in any case (other nodes).
   */
  public Look look() {
    String code = CurrentTenant.code();
    return pages.get(
        "branding:" + code,
        () -> {
          Tenant tenant = tenants.byCode(code).orElseThrow();
          Optional<String> colour = tenant.brandColour();
          return new Look(
              colour.orElse(null),
              colour.map(Contrast::textOn).orElse(null),
              tenant.logo().isPresent(),
              tenant.brandingVersion());
        });
  }

  /** The logo's type and bytes, if the tenant has one. */
  public Optional<Logo> logo() {
    return tenants
        .byCode(CurrentTenant.code())
        .flatMap(Tenant::logo)
        .map(
            dataUrl -> {
              int comma = dataUrl.indexOf(',');
              String type = dataUrl.substring("data:".length(), dataUrl.indexOf(';'));
              return new Logo(type, Base64.getDecoder().decode(dataUrl.substring(comma + 1)));
            });
  }

  /**
   * Sets the name (null keeps it), the colour (null or blank for the default) and, unless {@code
   * keepLogo}, the logo (null removes it).
   */
  public Look brand(String name, String colour, byte[] logo, boolean keepLogo) {
    Subject admin = subjects.get();
    if (!admin.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins change the branding.");
    }
    String normalised = null;
    if (colour != null && !colour.isBlank()) {
      try {
        normalised = Contrast.normalise(colour);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("primaryColour", e.getMessage());
      }
      double best =
          Math.max(
              Contrast.ratio(normalised, Contrast.WHITE),
              Contrast.ratio(normalised, Contrast.BLACK));
      if (best < Contrast.AA_TEXT) {
        throw new InvalidInputException(
            "primaryColour",
            String.format(
                Locale.ROOT,
                "The colour %s fails WCAG AA: text on it reaches at most %.2f:1, and 4.5:1 is"
                    + " needed. Choose a darker or lighter colour.",
                normalised,
                best));
      }
    }
    Tenant tenant = tenants.byCode(CurrentTenant.code()).orElseThrow();
    if (name != null) {
      try {
        tenant.rename(name);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("name", e.getMessage());
      }
    }
    String dataUrl = keepLogo ? tenant.logo().orElse(null) : logo == null ? null : dataUrl(logo);
    tenant.brand(normalised, dataUrl);
    audit.record(
        CurrentTenant.code(),
        admin.name(),
        AuditAction.ADMIN_ACTION,
        "tenant:" + tenant.code(),
        "branding: name "
            + tenant.name()
            + ", colour "
            + normalised
            + ", logo "
            + (dataUrl == null ? "none" : "set"));
    changed.fire(new BrandingChanged(tenant.code()));
    return new Look(
        normalised,
        normalised == null ? null : Contrast.textOn(normalised),
        dataUrl != null,
        tenant.brandingVersion());
  }

  private static String dataUrl(byte[] image) {
    if (image.length == 0) {
      return null;
    }
    if (image.length > MAX_LOGO_BYTES) {
      throw new InvalidInputException("logo", "A logo can be at most 256 KB.");
    }
    String type = sniff(image);
    if (type == null) {
      throw new InvalidInputException("logo", "A logo must be a PNG, JPEG or WebP image.");
    }
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image);
  }

  static String sniff(byte[] b) {
    if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length > 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  /** A tenant's look: its colour and the text colour on it, or nulls for the default theme. */
  public record Look(String colour, String textColour, boolean hasLogo, long version) {}

  /** The government's name as its pages show it. */
  public String name() {
    return tenants.byCode(CurrentTenant.code()).orElseThrow().name();
  }

  /** A logo image. */
  public record Logo(String type, byte[] bytes) {}

  /** A tenant's branding changed; pages drawn before are stale once the change commits. */
  public record BrandingChanged(String tenant) {}

  void committed(
      @jakarta.enterprise.event.Observes(
              during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
          BrandingChanged change) {
    pages.clear();
  }
}
