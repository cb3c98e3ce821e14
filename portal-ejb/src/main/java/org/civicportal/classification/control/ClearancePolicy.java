package org.civicportal.classification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.search.Audience;
import org.civicportal.search.Visibility;

/**
 * The one answer to "may this subject see this record": every read path (pages, REST, search hits,
 * totals, facets, suggestions, highlights, exports, sync) asks this class, either per record
 * ({@link #mayRead}) or as a query-side predicate ({@link #bindVisibleTo} for SQL lists, {@link
 * #audience} for the search index). The three forms agree: a record is visible iff it is in the
 * subject's tenant and the subject's clearance may read its label (level, every compartment,
 * releasability). Citizens and visitors have no clearance and see no classified record; a record
 * above the subject simply does not exist for them (404, absent from every list and count).
 */
@ApplicationScoped
public class ClearancePolicy {

  /** Whether the subject may read a record of its own tenant with this label. */
  public boolean mayRead(Subject subject, Label label) {
    return subject.clearance().map(c -> c.mayRead(label)).orElse(false);
  }

  /**
   * A case record (a service request): who made it, through which Open311 key, which agency handles
   * it, and its label.
   */
  public record Case(
      Optional<String> owner, Optional<Long> clientKey, String agency, Label label) {}

  /**
   * Whether the subject may see a case: the person who made it, while it is public (at the tenant's
   * lowest level, no compartment, no caveat); or a case worker or tenant admin of its agency whose
   * clearance reads its label. Nobody else, not even another citizen who knows its reference.
   */
  public boolean mayReadCase(Subject subject, Case c) {
    if (subject.username().isPresent()
        && c.owner().equals(subject.username())
        && subject.clearance().isEmpty()
        && isPublic(c.label())) {
      return true;
    }
    return mayHandleOrOversee(subject, c.agency()) && mayRead(subject, c.label());
  }

  /**
   * Whether a device may hold a record with this label: its user may read it, and the device's own
   * accreditation dominates it. A device sees the intersection of the two, never more than either.
   */
  public boolean mayHold(Subject user, Label accreditation, Label label) {
    return mayRead(user, label) && accreditation.dominates(label);
  }

  /**
   * Whether a device may hold a case: its user may read it ({@link #mayReadCase}) and the device's
   * accreditation dominates its label.
   */
  public boolean mayHoldCase(Subject user, Label accreditation, Case c) {
    return mayReadCase(user, c) && accreditation.dominates(c.label());
  }

  /** Whether an Open311 client may see a case: only those it submitted, while they are public. */
  public boolean mayReadCaseAsClient(long clientKey, Case c) {
    return c.clientKey().equals(Optional.of(clientKey)) && isPublic(c.label());
  }

  /** Whether the subject may work on cases of this agency: its case workers. */
  public boolean mayHandle(Subject subject, String agency) {
    return subject.actsFor(Role.CASE_WORKER, agency);
  }

  /** Case workers of the agency, and tenant admins of it (for its dashboard). */
  private boolean mayHandleOrOversee(Subject subject, String agency) {
    return subject.actsFor(Role.CASE_WORKER, agency) || subject.actsFor(Role.TENANT_ADMIN, agency);
  }

  /** The agencies whose cases the subject may list (before each case's label is checked). */
  public Set<String> caseAgencies(Subject subject) {
    if (!subject.has(Role.CASE_WORKER) && !subject.has(Role.TENANT_ADMIN)) {
      return Set.of();
    }
    return subject.agencies();
  }

  /**
   * The highest level rank the subject may read, for a coarse SQL pre-filter before {@link
   * #mayRead}; -1 (below every record) without clearance.
   */
  public int maxLevel(Subject subject) {
    return subject.clearance().map(Clearance::level).orElse(-1);
  }

  /** Public: the lowest level, without compartments or caveats. */
  public static boolean isPublic(Label label) {
    return label.level() == 0
        && label.compartments().isEmpty()
        && label.releasability().kind() == Releasability.Kind.UNRESTRICTED;
  }

  /** Whether the subject may give a record this label: never above their own clearance. */
  public boolean mayLabel(Subject subject, Label label) {
    return subject.clearance().map(c -> c.mayLabel(label)).orElse(false);
  }

  /**
   * Whom a search is for: the subject's tenant and clearance, or the tenant's public, which
   * searches published records only ({@link #published}) and never a staff record, whatever its
   * label. Case workers and tenant admins also hold, for each of their agencies, the synthetic
   * compartment that the agency's service requests carry in the index ({@link #caseVisibility}), so
   * that a search finds exactly the requests {@link #mayReadCase} lets them read, and counts no
   * other.
   */
  public Audience audience(Subject subject) {
    return subject
        .clearance()
        .map(
            c -> {
              Set<String> held = new TreeSet<>(c.compartments());
              caseAgencies(subject).forEach(a -> held.add(CASE_COMPARTMENT + a));
              return new Audience(subject.tenant(), c.level(), held, c.nationality())
                  .releasedAs(c.scheme().releasesUnmarked() ? Set.of(UNMARKED) : Set.of());
            })
        .orElseGet(() -> Audience.publicOf(subject.tenant()));
  }

  /**
   * The index's name for "released to every nation because the tenant releases unmarked records":
   * an unmarked record above the lowest level is indexed as releasable to its owning nation and to
   * this, and readers of a tenant that releases unmarked records hold it ({@link #audience}). The
   * tenant's rule can then change without indexing anything again, and a stricter rule holds from
   * the moment it commits. Not a valid nation name, so no nation can be it.
   */
  public static final String UNMARKED = "*unmarked";

  /** The prefix of the index-only compartment of an agency's service requests. */
  public static final String CASE_COMPARTMENT = "case:";

  /**
   * What the search index records of a service request: its label, plus its agency's case
   * compartment, which only that agency's case workers and admins hold. Citizens do not search
   * requests; they have their own list.
   */
  public Visibility caseVisibility(String tenant, Label label, String agency) {
    Visibility v = visibility(tenant, label);
    Set<String> compartments = new TreeSet<>(v.compartments());
    compartments.add(CASE_COMPARTMENT + agency);
    return new Visibility(tenant, v.level(), compartments, v.releasableTo());
  }

  /**
   * What the search index records of content published to everyone (a published service): the
   * public's audience searches this and nothing else.
   */
  public static Visibility published(String tenant) {
    return Visibility.publicIn(tenant);
  }

  /**
   * What the search index records of a labelled staff record: its tenant and label in filterable
   * form. Never seen by the public's audience, even at the tenant's lowest level.
   */
  public Visibility visibility(String tenant, Label label) {
    Set<String> releasableTo =
        label.releasability().kind() == Releasability.Kind.UNRESTRICTED && label.level() > 0
            ? Set.of(label.scheme().nation(), UNMARKED)
            : label.releasableTo();
    return new Visibility(tenant, label.level(), label.compartments(), releasableTo);
  }

  /**
   * Binds the parameters of a labelled-record query ({@code :maxLevel}, {@code :held}, {@code
   * :nationality}, {@code :owner}, {@code :unmarkedLevel}) so it returns only records the subject
   * may read. {@code :unmarkedLevel} is the highest level of records without a caveat the subject
   * may receive: their level for the owning nation's nationals (or every national when the scheme
   * releases unmarked records), else the lowest. A subject without clearance gets a level below
   * every record, so the query returns nothing.
   */
  public <T> TypedQuery<T> bindVisibleTo(TypedQuery<T> query, Subject subject) {
    Set<String> held = new TreeSet<>();
    // never an empty IN list, which SQL does not accept; no record has this compartment
    held.add("*");
    int maxLevel = -1;
    String nationality = "";
    String owner = "-";
    int unmarkedLevel = -1;
    if (subject.clearance().isPresent()) {
      Clearance c = subject.clearance().get();
      held.addAll(c.compartments());
      maxLevel = c.level();
      nationality = c.nationality();
      owner = c.scheme().nation();
      unmarkedLevel = owner.equals(nationality) || c.scheme().releasesUnmarked() ? maxLevel : 0;
    }
    return query
        .setParameter("maxLevel", maxLevel)
        .setParameter("unmarkedLevel", unmarkedLevel)
        .setParameter("held", held)
        .setParameter("nationality", nationality)
        .setParameter("owner", owner);
  }
}
