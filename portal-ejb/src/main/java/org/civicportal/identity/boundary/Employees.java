package org.civicportal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.catalog.entity.Agency;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.classification.control.MarkingException;
import org.civicportal.classification.control.Releasability;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Account;
import org.civicportal.identity.entity.Role;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * The current tenant's employees, managed by its tenant admins: create an employee with a clearance
 * and roles, change them. An admin grants no clearance above their own. Every clearance and role
 * change is audited in the same transaction.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class Employees {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Accounts accounts;
  @Inject CurrentSubject subjects;
  @Inject ClearancePolicy policy;
  @Inject Tenants tenants;
  @Inject AuditTrail audit;
  @Inject Pbkdf2PasswordHash passwords;

  /** The tenant's employees, by username; for tenant admins. */
  public List<Account> all() {
    requireAdmin();
    return em.createNamedQuery(Account.EMPLOYEES, Account.class).getResultList();
  }

  /** One employee, for tenant admins. */
  public Optional<Account> find(String username) {
    requireAdmin();
    return accounts.byUsername(username).filter(a -> a.kind() == Account.Kind.EMPLOYEE);
  }

  /** An employee's clearance in the tenant's banner syntax, e.g. {@code SECRET//ALPHA}. */
  public String clearanceOf(Account employee) {
    return Marking.format(
        Label.of(
            scheme(),
            employee.clearanceLevel(),
            employee.compartments(),
            Releasability.unrestricted()));
  }

  public Account create(
      String username, String password, String clearance, String nationality, Set<String> roles) {
    return create(username, password, clearance, nationality, roles, Set.of());
  }

  /** Creates an employee who works for these agencies (codes of the tenant's agencies). */
  public Account create(
      String username,
      String password,
      String clearance,
      String nationality,
      Set<String> roles,
      Set<String> agencies) {
    Subject admin = requireAdmin();
    if (password == null || password.length() < 12) {
      throw new InvalidInputException("password", "A password needs at least 12 characters.");
    }
    if (accounts.byUsername(username).isPresent()) {
      throw new InvalidInputException("username", "The username '" + username + "' is taken.");
    }
    Label label = clearance(admin, clearance);
    String nation =
        nationality == null || nationality.isBlank()
            ? label.scheme().nation()
            : nationality.strip().toUpperCase(Locale.ROOT);
    if (!label.scheme().nations().contains(nation)) {
      throw new InvalidInputException(
          "nationality",
          "Unknown nation '" + nationality + "'; use one of " + label.scheme().nations());
    }
    Account account;
    try {
      account =
          Account.employee(
              username,
              passwords.generate(password.toCharArray()),
              label.level(),
              label.compartments(),
              nation,
              roles(roles));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("username", e.getMessage());
    }
    account.assignAgencies(agencies(agencies));
    em.persist(account);
    audit.record(
        CurrentTenant.code(),
        admin.name(),
        AuditAction.ADMIN_ACTION,
        "account:" + username,
        "created employee cleared to "
            + Marking.format(label)
            + ", nationality "
            + nation
            + ", roles "
            + account.roles()
            + ", agencies "
            + account.agencies());
    return account;
  }

  /** Changes an employee's clearance and roles; empty when there is no such employee. */
  public Optional<Account> change(String username, String clearance, Set<String> roles) {
    return change(username, clearance, roles, null);
  }

  /**
   * Changes an employee's clearance, roles and, unless {@code agencies} is null, the agencies they
   * work for; empty when there is no such employee.
   */
  public Optional<Account> change(
      String username, String clearance, Set<String> roles, Set<String> agencies) {
    Subject admin = requireAdmin();
    Optional<Account> found =
        accounts.byUsername(username).filter(a -> a.kind() == Account.Kind.EMPLOYEE);
    if (found.isEmpty()) {
      return found;
    }
    Account account = found.get();
    ClassificationScheme scheme = scheme();
    String before =
        Marking.format(
            Label.of(
                scheme,
                account.clearanceLevel(),
                account.compartments(),
                Releasability.unrestricted()));
    Set<Role> rolesBefore = Set.copyOf(account.roles());
    Label label = clearance(admin, clearance);
    account.clear(label.level(), label.compartments());
    account.assign(roles(roles));
    if (agencies != null) {
      Set<String> agenciesBefore = Set.copyOf(account.agencies());
      account.assignAgencies(agencies(agencies));
      if (!agenciesBefore.equals(account.agencies())) {
        audit.record(
            CurrentTenant.code(),
            admin.name(),
            AuditAction.ROLE_CHANGED,
            "account:" + username,
            "agencies " + agenciesBefore + " -> " + account.agencies());
      }
    }
    if (!before.equals(Marking.format(label))) {
      audit.record(
          CurrentTenant.code(),
          admin.name(),
          AuditAction.CLEARANCE_CHANGED,
          "account:" + username,
          before + " -> " + Marking.format(label));
    }
    if (!rolesBefore.equals(account.roles())) {
      audit.record(
          CurrentTenant.code(),
          admin.name(),
          AuditAction.ROLE_CHANGED,
          "account:" + username,
          rolesBefore + " -> " + account.roles());
    }
    return found;
  }

  private Label clearance(Subject admin, String clearance) {
    Label label;
    try {
      label = Marking.parse(scheme(), clearance == null ? "" : clearance);
    } catch (MarkingException e) {
      throw new InvalidInputException("clearance", e.getMessage());
    }
    if (label.releasability().kind() != Releasability.Kind.UNRESTRICTED) {
      throw new InvalidInputException(
          "clearance", "A clearance is a level and compartments, without releasability.");
    }
    if (!policy.mayLabel(admin, label)) {
      throw new InvalidInputException("clearance", "You cannot grant a clearance above your own.");
    }
    return label;
  }

  private Set<String> agencies(Set<String> codes) {
    Set<String> agencies = new java.util.TreeSet<>();
    for (String code : codes == null ? Set.<String>of() : codes) {
      String stripped = code == null ? "" : code.strip();
      if (em.createNamedQuery(Agency.BY_CODE, Agency.class)
          .setParameter("code", stripped)
          .getResultList()
          .isEmpty()) {
        throw new InvalidInputException("agencies", "No agency with code '" + code + "'");
      }
      agencies.add(stripped);
    }
    return agencies;
  }

  private static Set<Role> roles(Set<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names == null ? Set.<String>of() : names) {
      try {
        Role role = Role.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        if (role == Role.CITIZEN) {
          throw new IllegalArgumentException();
        }
        roles.add(role);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("roles", "Unknown role '" + name + "'");
      }
    }
    return roles;
  }

  private Subject requireAdmin() {
    Subject subject = subjects.get();
    if (!subject.has(Role.TENANT_ADMIN)) {
      throw new NotPermittedException("Only tenant admins manage employees.");
    }
    return subject;
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }
}
