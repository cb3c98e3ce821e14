package org.civicportal.identity.control;

import java.util.Optional;
import java.util.Set;
import org.civicportal.classification.control.Clearance;
import org.civicportal.identity.entity.Role;

/**
 * Who is asking: a signed-in person of a tenant with their roles and, for employees, their
 * clearance; or an anonymous visitor. Citizens and visitors have no clearance and so read no
 * classified record.
 */
public record Subject(
    String tenant,
    Optional<String> username,
    Set<Role> roles,
    Optional<Clearance> clearance,
    Set<String> agencies) {

  public Subject {
    roles = Set.copyOf(roles);
    agencies = Set.copyOf(agencies);
  }

  /** A subject who works for no agency. */
  public Subject(
      String tenant, Optional<String> username, Set<Role> roles, Optional<Clearance> clearance) {
    this(tenant, username, roles, clearance, Set.of());
  }

  /** True when the subject has the role and works for the agency. */
  public boolean actsFor(Role role, String agency) {
    return has(role) && agencies.contains(agency);
  }

  public static Subject anonymous(String tenant) {
    return new Subject(tenant, Optional.empty(), Set.of(), Optional.empty());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isSignedIn() {
    return username.isPresent();
  }

  /** The name for records and audit entries: the username, or "anonymous". */
  public String name() {
    return username.orElse("anonymous");
  }
}
