package org.civicportal.classification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Set;
import java.util.TreeSet;
import org.civicportal.identity.control.Subject;
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

  /** Whether the subject may give a record this label: never above their own clearance. */
  public boolean mayLabel(Subject subject, Label label) {
    return subject.clearance().map(c -> c.mayLabel(label)).orElse(false);
  }

  /** Whom a search is for: the subject's tenant and clearance, or the tenant's public. */
  public Audience audience(Subject subject) {
    return subject
        .clearance()
        .map(c -> new Audience(subject.tenant(), c.level(), c.compartments(), c.nationality()))
        .orElseGet(() -> Audience.publicOf(subject.tenant()));
  }

  /**
   * What the search index records of a labelled record: its tenant and label in filterable form.
   */
  public Visibility visibility(String tenant, Label label) {
    Releasability r = label.releasability();
    Set<String> releasableTo =
        switch (r.kind()) {
          case UNRESTRICTED -> Set.of();
          case NOFORN -> Set.of(label.scheme().nation());
          case REL_TO -> r.nations();
        };
    return new Visibility(tenant, label.level(), label.compartments(), releasableTo);
  }

  /**
   * Binds the parameters of a labelled-record query ({@code :maxLevel}, {@code :held}, {@code
   * :nationality}, {@code :owner}) so it returns only records the subject may read. A subject
   * without clearance gets a level below every record, so the query returns nothing.
   */
  public <T> TypedQuery<T> bindVisibleTo(TypedQuery<T> query, Subject subject) {
    Set<String> held = new TreeSet<>();
    // never an empty IN list, which SQL does not accept; no record has this compartment
    held.add("*");
    int maxLevel = -1;
    String nationality = "";
    String owner = "-";
    if (subject.clearance().isPresent()) {
      Clearance c = subject.clearance().get();
      held.addAll(c.compartments());
      maxLevel = c.level();
      nationality = c.nationality();
      owner = c.scheme().nation();
    }
    return query
        .setParameter("maxLevel", maxLevel)
        .setParameter("held", held)
        .setParameter("nationality", nationality)
        .setParameter("owner", owner);
  }
}
