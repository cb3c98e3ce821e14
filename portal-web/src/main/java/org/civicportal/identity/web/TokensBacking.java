package org.civicportal.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.boundary.ApiTokens;
import org.civicportal.identity.entity.ApiToken;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.web.Messages;

/**
 * {@code /staff/tokens}: make API tokens for scripts (the token is shown once), see and revoke
 * them; tenant admins see and revoke everyone's.
 */
@Named
@RequestScoped
public class TokensBacking {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  @Inject ApiTokens tokens;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments documents;

  private String name;
  private String scope = "read";
  private int days = ApiTokens.DEFAULT_DAYS;
  private String issued;
  private List<ApiToken> list;

  public void load() throws IOException {
    if (access.signedIn()) {
      banner.show(documents.highest(List.of()), 0);
    }
  }

  public String issue() {
    try {
      ApiToken.Scope chosen = "write".equals(scope) ? ApiToken.Scope.WRITE : ApiToken.Scope.READ;
      issued = tokens.issue(name, chosen, days).secret();
      name = null;
      Messages.info(Messages.text("tokens.made"));
    } catch (InvalidInputException | NotPermittedException e) {
      Messages.error(e.getMessage());
    }
    list = null;
    return null;
  }

  public String revoke(long id) {
    try {
      ApiToken token = tokens.revoke(id);
      Messages.info(Messages.format("tokens.revoked", token.name()));
    } catch (NoSuchRecordException | NotPermittedException e) {
      Messages.error(e.getMessage());
    }
    list = null;
    return null;
  }

  /** The caller's tokens, or every token of the tenant for its admins. */
  public List<ApiToken> getList() {
    if (list == null) {
      list = access.isTenantAdmin() ? tokens.all() : tokens.mine();
    }
    return list;
  }

  public String when(TemporalAccessor instant) {
    return instant == null ? "" : DAY.format(instant);
  }

  public String stateOf(ApiToken token) {
    if (token.revokedAt().isPresent()) {
      return Messages.text("tokens.state.revoked");
    }
    return token.isLive(java.time.Instant.now())
        ? Messages.text("tokens.state.live")
        : Messages.text("tokens.state.expired");
  }

  public String scopeOf(ApiToken token) {
    return Messages.text(
        token.scope() == ApiToken.Scope.WRITE ? "tokens.scope.write" : "tokens.scope.read");
  }

  public String getIssued() {
    return issued;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }
}
