package org.civicportal.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The leak probe's own model of who may read what, written from the rules as the README and issue
 * 14 state them and not from the portal's code, so that the probe checks the portal against an
 * independent answer:
 *
 * <ul>
 *   <li>an employee reads a staff record of their own tenant iff its level is at most theirs, they
 *       hold every compartment, and it is releasable to their nationality: NOFORN to the owning
 *       nation's nationals, REL TO to the nations listed, and an unmarked record at the tenant's
 *       lowest level to every nation but above it to the owning nation's nationals only (the
 *       tenant's default, which the probe sets);
 *   <li>citizens and visitors read no staff record at any level; a citizen reads their own request
 *       while it is public (the lowest level, no compartment, no caveat);
 *   <li>case workers and tenant admins of a request's agency read it when their clearance reads its
 *       label, and each internal note when their clearance also reads the note's own label;
 *   <li>search finds documents and, for their agencies' case workers, requests; never notes;
 *   <li>a device holds what its user reads (its accreditation is the top of the scheme here), and a
 *       request only while it is assigned to its user.
 * </ul>
 */
final class LeakOracle {
  private LeakOracle() {}

  /** Each tenant's levels, lowest first, and its nation. */
  static final Map<String, List<String>> LEVELS =
      Map.of(
          "demoland", List.of("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"),
          "samplestan", List.of("UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET"));

  static final Map<String, String> NATION =
      Map.of("demoland", "DEMOLAND", "samplestan", "SAMPLESTAN");

  enum Caveat {
    NONE,
    NOFORN,
    REL_TO
  }

  /** A label in one tenant's scheme. */
  record Label(String tenant, int level, Set<String> compartments, Caveat caveat, Set<String> to) {
    /**
     * Reads a banner marking ({@code LEVEL[//A/B][//NOFORN | //REL TO X, Y]}); empty when it is not
     * a marking of this tenant's scheme.
     */
    static Optional<Label> parse(String tenant, String marking) {
      String[] parts = marking.strip().split("//");
      int level = LEVELS.get(tenant).indexOf(parts[0].strip().toUpperCase(Locale.ROOT));
      if (level < 0) {
        return Optional.empty();
      }
      Set<String> compartments = new TreeSet<>();
      Caveat caveat = Caveat.NONE;
      Set<String> to = new TreeSet<>();
      for (int i = 1; i < parts.length; i++) {
        String part = parts[i].strip().toUpperCase(Locale.ROOT);
        if (part.equals("NOFORN")) {
          caveat = Caveat.NOFORN;
        } else if (part.startsWith("REL TO ")) {
          caveat = Caveat.REL_TO;
          Arrays.stream(part.substring(7).split(",")).map(String::strip).forEach(to::add);
        } else {
          compartments.addAll(Arrays.asList(part.split("/")));
        }
      }
      return Optional.of(new Label(tenant, level, compartments, caveat, to));
    }

    static Label of(String tenant, String marking) {
      return parse(tenant, marking).orElseThrow(() -> new IllegalArgumentException(marking));
    }

    boolean isPublic() {
      return level == 0 && compartments.isEmpty() && caveat == Caveat.NONE;
    }
  }

  /** What one person is cleared for. */
  record Clearance(int level, Set<String> compartments, String nationality) {}

  /**
   * A reader as the host they read on sees them: that host's tenant, and who they are there
   * (nobody, when their credentials belong to another tenant).
   */
  record Who(
      String tenant,
      Optional<String> username,
      Optional<Clearance> clearance,
      Set<String> caseAgencies,
      boolean auditor) {
    static Who nobody(String tenant) {
      return new Who(tenant, Optional.empty(), Optional.empty(), Set.of(), false);
    }

    static Who citizen(String tenant, String username) {
      return new Who(tenant, Optional.of(username), Optional.empty(), Set.of(), false);
    }

    static Who employee(String tenant, String username, Clearance clearance) {
      return new Who(tenant, Optional.of(username), Optional.of(clearance), Set.of(), false);
    }

    Who caseWorkerOf(String... agencies) {
      return new Who(tenant, username, clearance, Set.of(agencies), auditor);
    }

    Who asAuditor() {
      return new Who(tenant, username, clearance, caseAgencies, true);
    }

    boolean signedIn() {
      return username.isPresent();
    }

    boolean employee() {
      return clearance.isPresent();
    }
  }

  enum Kind {
    DOCUMENT,
    REQUEST,
    NOTE
  }

  /**
   * A planted record: a document, a request (its owner, agency and assignee), or a note (the label
   * of its request in {@code parent}).
   */
  record Planted(
      Kind kind,
      Label label,
      String agency,
      Optional<String> owner,
      Optional<String> assignee,
      Optional<Label> parent) {
    String tenant() {
      return label.tenant();
    }
  }

  /** Whether this clearance, of a national of its nationality, reads this label. */
  static boolean clears(Clearance c, Label label) {
    String owner = NATION.get(label.tenant());
    boolean releasable =
        switch (label.caveat()) {
          case NOFORN -> c.nationality().equals(owner);
          case REL_TO -> label.to().contains(c.nationality());
          case NONE -> label.level() == 0 || c.nationality().equals(owner);
        };
    return c.level() >= label.level()
        && c.compartments().containsAll(label.compartments())
        && releasable;
  }

  /** Whether the reader may read this label at all (a marking shown to them). */
  static boolean mayKnow(Who who, Label label) {
    if (!who.tenant().equals(label.tenant())) {
      return false;
    }
    return who.clearance().map(c -> clears(c, label)).orElse(label.isPublic());
  }

  /** Whether the reader may read the record, anywhere. */
  static boolean reads(Who who, Planted r) {
    if (!who.tenant().equals(r.tenant())) {
      return false;
    }
    Optional<Clearance> c = who.clearance();
    return switch (r.kind()) {
      case DOCUMENT -> c.isPresent() && clears(c.get(), r.label());
      case REQUEST ->
          who.employee()
              ? handles(who, r) && clears(c.get(), r.label())
              : who.username().isPresent()
                  && who.username().equals(r.owner())
                  && r.label().isPublic();
      case NOTE ->
          handles(who, r)
              && clears(c.get(), r.parent().orElseThrow())
              && clears(c.get(), r.label());
    };
  }

  /** Whether a search by this reader finds the record (and counts it in totals and facets). */
  static boolean finds(Who who, Planted r) {
    return switch (r.kind()) {
      case DOCUMENT -> reads(who, r);
      case REQUEST -> reads(who, r) && handles(who, r);
      case NOTE -> false;
    };
  }

  /** Whether the reader's device, accredited at the top of the scheme, holds the record. */
  static boolean holds(Who who, Planted r) {
    return switch (r.kind()) {
      case DOCUMENT -> reads(who, r);
      case REQUEST, NOTE -> reads(who, r) && r.assignee().equals(who.username());
    };
  }

  private static boolean handles(Who who, Planted r) {
    return who.employee() && who.caseAgencies().contains(r.agency());
  }
}
