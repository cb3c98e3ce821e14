package org.civicportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;
import org.civicportal.classification.control.Clearance;
import org.civicportal.identity.boundary.Accounts;
import org.civicportal.identity.boundary.TenantCaller;
import org.civicportal.identity.entity.Account;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * The {@link Subject} of the current call: the caller Jakarta Security authenticated, looked up in
 * the current tenant. A caller who signed in to another tenant, or is unknown in this one, is
 * anonymous here: a session or token never crosses tenants.
 */
@ApplicationScoped
public class CurrentSubject {
  @Inject SecurityContext security;
  @Inject Accounts accounts;
  @Inject Tenants tenants;

  private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

  /**
   * Runs background work (an import, say) as the person who started it; their account is read again
   * at each call, so roles they lose meanwhile are lost for the work too.
   */
  public static <T> T actingAs(String username, Supplier<T> work) {
    String previous = ACTING.get();
    ACTING.set(username);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        ACTING.remove();
      } else {
        ACTING.set(previous);
      }
    }
  }

  public Subject get() {
    String tenant = CurrentTenant.code();
    String acting = ACTING.get();
    Principal caller = acting != null ? null : security.getCallerPrincipal();
    if (acting == null && !(caller instanceof TenantCaller c && c.tenant().equals(tenant))) {
      return Subject.anonymous(tenant);
    }
    Optional<Account> account = accounts.byUsername(acting != null ? acting : caller.getName());
    if (account.isEmpty()) {
      return Subject.anonymous(tenant);
    }
    return of(tenant, account.get());
  }

  Subject of(String tenant, Account account) {
    Optional<Clearance> clearance =
        account.kind() == Account.Kind.EMPLOYEE
            ? Optional.of(
                Clearance.of(
                    tenants.scheme(tenant),
                    account.clearanceLevel(),
                    account.compartments(),
                    account.nationality()))
            : Optional.empty();
    return new Subject(
        tenant, Optional.of(account.username()), account.roles(), clearance, account.agencies());
  }
}
