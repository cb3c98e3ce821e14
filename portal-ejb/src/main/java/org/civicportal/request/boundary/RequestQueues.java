package org.civicportal.request.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.ClearancePolicy;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Account;
import org.civicportal.request.control.RequestHandling;
import org.civicportal.request.entity.RequestState;
import org.civicportal.request.entity.ServiceRequest;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.control.TenantBound;

/**
 * Lists of service requests and what is counted over them: a citizen's own requests, a case
 * worker's queue, its CSV export and the agency dashboard. Every request listed or counted is one
 * the clearance policy lets the subject read ({@link ClearancePolicy#mayReadCase}); those above the
 * lowest level that appear in a list are audited.
 */
@ApplicationScoped
@Transactional
@TenantBound
public class RequestQueues {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject ClearancePolicy policy;
  @Inject CurrentSubject subjects;
  @Inject Tenants tenants;
  @Inject AuditTrail audit;
  @Inject ServiceRequests requests;
  @Inject RequestHandling handling;

  /** What a queue or list shows: filters, all optional. */
  public record Filter(
      Optional<String> agency,
      Optional<RequestState> state,
      Optional<String> assignee,
      boolean unassigned,
      boolean overdue,
      Optional<String> service,
      Optional<String> team) {
    public static Filter none() {
      return new Filter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          false,
          Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * The requests the subject may see: a citizen's own; a case worker's agencies' queue, each
   * request checked against their clearance; nothing for anyone else. Those above the lowest level
   * appearing in the list are audited, in one entry.
   */
  public List<ServiceRequest> visible(Filter filter) {
    Subject subject = subjects.get();
    List<ServiceRequest> candidates;
    if (subject.clearance().isEmpty()) {
      if (!subject.isSignedIn()) {
        return List.of();
      }
      candidates =
          em.createNamedQuery(ServiceRequest.OF_CITIZEN, ServiceRequest.class)
              .setParameter("citizen", subject.name())
              .getResultList();
    } else {
      Collection<String> agencies = policy.caseAgencies(subject);
      if (filter.agency().isPresent()) {
        agencies =
            agencies.contains(filter.agency().get()) ? List.of(filter.agency().get()) : List.of();
      }
      if (agencies.isEmpty()) {
        return List.of();
      }
      candidates =
          em.createNamedQuery(ServiceRequest.OF_AGENCIES, ServiceRequest.class)
              .setParameter("agencies", agencies)
              .setParameter("maxLevel", policy.maxLevel(subject))
              .getResultList();
    }
    Instant now = Instant.now();
    List<ServiceRequest> shown =
        candidates.stream()
            .filter(r -> policy.mayReadCase(subject, requests.facts(r)))
            .filter(r -> filter.state().map(s -> r.state() == s).orElse(true))
            .filter(
                r -> filter.assignee().map(a -> r.assignee().equals(Optional.of(a))).orElse(true))
            .filter(r -> !filter.unassigned() || r.assignee().isEmpty())
            .filter(r -> !filter.overdue() || r.overdue(now))
            .filter(r -> filter.service().map(c -> r.serviceCode().equals(c)).orElse(true))
            .filter(r -> filter.team().map(t -> r.team().equals(Optional.of(t))).orElse(true))
            .toList();
    ClassificationScheme scheme = scheme();
    audit.listed(
        CurrentTenant.code(),
        subject.name(),
        "requests",
        shown.stream()
            .filter(r -> r.label(scheme).level() > 0)
            .map(r -> "request:" + r.reference() + " " + r.marking())
            .toList());
    return shown;
  }

  /**
   * The queue as CSV (RFC 4180), what {@link #visible} returns for this filter. Its first row,
   * above the header, is the banner: the highest label among the rows (their join), as a page of
   * them would be marked.
   */
  public String exportCsv(Filter filter) {
    List<ServiceRequest> rows = visible(filter);
    ClassificationScheme scheme = scheme();
    Label highest = scheme.lowest();
    for (ServiceRequest r : rows) {
      highest = highest.join(r.label(scheme));
    }
    StringBuilder csv = new StringBuilder(csvField(Marking.format(highest))).append("\r\n");
    csv.append(
        "reference,service,agency,state,assignee,submitted_at,due_at,overdue,classification\r\n");
    Instant now = Instant.now();
    for (ServiceRequest r : rows) {
      csv.append(
              List.of(
                      r.reference(),
                      r.serviceCode(),
                      r.agency(),
                      r.state().external(),
                      r.assignee().orElse(""),
                      r.submittedAt().toString(),
                      r.dueAt().map(Instant::toString).orElse(""),
                      Boolean.toString(r.overdue(now)),
                      r.marking())
                  .stream()
                  .map(RequestQueues::csvField)
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** A CSV field, quoted when needed, and defused against spreadsheet formulas. */
  static String csvField(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** Counts for an agency dashboard, over exactly the requests the subject may see. */
  public record Dashboard(
      Map<String, Long> byState,
      Map<String, Long> perWeek,
      long slaKept,
      long slaMissed,
      long open,
      long overdue) {}

  public Dashboard dashboard(Filter filter) {
    List<ServiceRequest> all = visible(filter);
    Instant now = Instant.now();
    Map<String, Long> byState = new java.util.LinkedHashMap<>();
    for (RequestState s : RequestState.values()) {
      long n = all.stream().filter(r -> r.state() == s).count();
      if (n > 0) {
        byState.put(s.external(), n);
      }
    }
    Map<String, Long> perWeek =
        all.stream()
            .collect(
                Collectors.groupingBy(
                    r -> week(r.submittedAt()), java.util.TreeMap::new, Collectors.counting()));
    long kept = all.stream().filter(r -> r.keptSla().orElse(false)).count();
    long missed = all.stream().filter(r -> !r.keptSla().orElse(true)).count();
    long open = all.stream().filter(r -> !r.state().finished()).count();
    long overdue = all.stream().filter(r -> r.overdue(now)).count();
    return new Dashboard(byState, perWeek, kept, missed, open, overdue);
  }

  static String week(Instant at) {
    java.time.LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
    java.time.temporal.WeekFields w = java.time.temporal.WeekFields.ISO;
    return String.format(
        java.util.Locale.ROOT,
        "%d-W%02d",
        day.get(w.weekBasedYear()),
        day.get(w.weekOfWeekBasedYear()));
  }

  /** The case workers a request of this agency may be assigned to. */
  public List<String> caseWorkers(String agency) {
    List<String> names = new ArrayList<>();
    for (Account a : em.createNamedQuery(Account.EMPLOYEES, Account.class).getResultList()) {
      if (handling.mayHandle(a, agency)) {
        names.add(a.username());
      }
    }
    return names;
  }

  private ClassificationScheme scheme() {
    return tenants.scheme(CurrentTenant.code());
  }
}
