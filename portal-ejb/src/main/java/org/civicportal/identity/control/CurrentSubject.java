package org.civicportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.civicportal.classification.control.Clearance;
import org.civicportal.identity.boundary.Accounts;
import org.civicportal.identity.entity.Account;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * The {@link Subject} of the current call: the caller Jakarta Security authenticated, looked up in
 * the current tenant. A caller unknown in this tenant is anonymous here.
 */
@ApplicationScoped
public class CurrentSubject {
  @Inject SecurityContext security;
  @Inject Accounts accounts;
  @Inject Tenants tenants;

  public Subject get() {
    String tenant = CurrentTenant.code();
    Principal caller = security.getCallerPrincipal();
    if (caller == null) {
      return Subject.anonymous(tenant);
    }
    Optional<Account> account = accounts.byUsername(caller.getName());
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
    return new Subject(tenant, Optional.of(account.username()), account.roles(), clearance);
  }
}
