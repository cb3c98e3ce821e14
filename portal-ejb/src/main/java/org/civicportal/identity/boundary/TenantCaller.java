package org.civicportal.identity.boundary;

import jakarta.security.enterprise.CallerPrincipal;
import java.io.Serializable;
import java.util.Objects;

/**
 * A caller as the portal authenticated them: a user name of one tenant. The same name in another
 * tenant is another person, so a caller counts only in the tenant they signed in to (the current
 * subject is anonymous anywhere else).
 */
public final class TenantCaller extends CallerPrincipal implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String tenant;
  private final Long token;

  /** A caller who proved who they are with their password. */
  public TenantCaller(String tenant, String username) {
    this(tenant, username, null);
  }

  private TenantCaller(String tenant, String username, Long token) {
    super(Objects.requireNonNull(username, "username"));
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.token = token;
  }

  /** A caller acting through one of their API tokens. */
  public static TenantCaller byToken(String tenant, String username, long token) {
    return new TenantCaller(tenant, username, token);
  }

  /** Whether the caller is a script using an API token (which may not manage tokens). */
  public boolean viaToken() {
    return token != null;
  }

  /** The code of the tenant the caller signed in to. */
  public String tenant() {
    return tenant;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantCaller other
        && tenant.equals(other.tenant)
        && getName().equals(other.getName())
        && Objects.equals(token, other.token);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenant, getName(), token);
  }

  @Override
  public String toString() {
    return getName() + "@" + tenant;
  }
}
