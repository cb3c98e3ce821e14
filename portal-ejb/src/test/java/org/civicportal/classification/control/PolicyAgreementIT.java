package org.civicportal.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.persistence.control.Migrations;
import org.civicportal.persistence.control.TestDatabase;
import org.civicportal.search.Audience;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchHit;
import org.civicportal.search.SearchIndex;
import org.civicportal.search.SearchQuery;
import org.civicportal.search.property.Generator;
import org.civicportal.search.property.Property;
import org.civicportal.tenant.control.TenantBinding;
import org.civicportal.tenant.entity.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three forms of the clearance policy agree for random documents and random clearances: the SQL
 * list (JPA named query with the policy's parameters, on a real database), the per-record check,
 * and the search index filtered by the policy's audience return exactly the same documents.
 */
class PolicyAgreementIT {
  private static final ClassificationScheme SCHEME =
      ClassificationScheme.of(
          "DEMOLAND",
          List.of("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"),
          Set.of("ALPHA", "BRAVO", "CHARLIE"),
          Set.of("SAMPLESTAN", "OTHERIA"));
  private static final AtomicInteger TRIES = new AtomicInteger();
  private static EntityManagerFactory emf;

  private final ClearancePolicy policy = new ClearancePolicy();

  @BeforeAll
  static void database() {
    TestDatabase db = TestDatabase.h2();
    Migrations.migrate(db.dataSource());
    emf = Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
  }

  @AfterAll
  static void close() {
    emf.close();
  }

  /** Documents with these labels, read with this clearance. */
  record Reading(List<Label> labels, Clearance clearance) {}

  @Test
  void sqlListPerRecordCheckAndSearchAgree() {
    Generator<Reading> readings =
        Generator.zip(
            ClassificationGenerators.labels(SCHEME).list(1, 12),
            ClassificationGenerators.clearances(SCHEME),
            Reading::new);

    Property.check(40, readings, r -> readersAgree(r.labels(), r.clearance()));
  }

  private void readersAgree(List<Label> labels, Clearance clearance) throws IOException {
    String tenant = "t" + TRIES.incrementAndGet();
    Map<Long, Label> stored = store(tenant, labels);
    Subject subject =
        new Subject(tenant, Optional.of("reader"), Set.of(Role.EMPLOYEE), Optional.of(clearance));

    Set<Long> bySql = new TreeSet<>();
    EntityManager em = emf.createEntityManager(Map.of(TenantBinding.PROPERTY, tenant));
    policy
        .bindVisibleTo(em.createNamedQuery(StaffDocument.VISIBLE, StaffDocument.class), subject)
        .getResultList()
        .forEach(d -> bySql.add(d.id()));
    em.close();
    Set<Long> byCheck = new TreeSet<>();
    stored.forEach(
        (id, label) -> {
          if (policy.mayRead(subject, label)) {
            byCheck.add(id);
          }
        });
    Set<Long> bySearch = search(tenant, stored, policy.audience(subject));

    assertThat(bySql).isEqualTo(byCheck);
    assertThat(bySearch).isEqualTo(byCheck);
  }

  private Map<Long, Label> store(String tenant, List<Label> labels) {
    Map<Long, Label> stored = new java.util.TreeMap<>();
    EntityManager em = emf.createEntityManager(Map.of(TenantBinding.PROPERTY, tenant));
    em.getTransaction().begin();
    em.persist(new Tenant(tenant, tenant, Locale.ENGLISH));
    em.flush();
    List<StaffDocument> documents = new ArrayList<>();
    for (Label label : labels) {
      StaffDocument d =
          new StaffDocument(
              "agency", "en", "Report", "budget report", label, "writer", Instant.now());
      em.persist(d);
      documents.add(d);
    }
    em.getTransaction().commit();
    for (int i = 0; i < labels.size(); i++) {
      stored.put(documents.get(i).id(), labels.get(i));
    }
    em.close();
    return stored;
  }

  private Set<Long> search(String tenant, Map<Long, Label> stored, Audience audience)
      throws IOException {
    Path dir = Files.createTempDirectory("civic-policy");
    try (SearchIndex index = SearchIndex.open(dir)) {
      List<IndexDocument> documents = new ArrayList<>();
      stored.forEach(
          (id, label) ->
              documents.add(
                  new IndexDocument(
                      "d" + id,
                      "document",
                      Long.toString(id),
                      "en",
                      "Report",
                      "",
                      "budget report",
                      policy.visibility(tenant, label))));
      index.apply(documents, List.of(), 1);
      Set<Long> found = new TreeSet<>();
      for (SearchHit hit :
          index.search(new SearchQuery("budget", List.of("en"), 100, audience)).hits()) {
        found.add(Long.valueOf(hit.id()));
      }
      return found;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
