package org.civicportal.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.civicportal.indexing.entity.OutboxEntry;
import org.civicportal.persistence.control.Migrations;
import org.civicportal.persistence.control.TestDatabase;
import org.civicportal.tenant.control.TenantBinding;
import org.civicportal.tenant.entity.Tenant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every migration and every entity mapping, proven on both databases the portal supports. */
class CatalogueMappingIT {
  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgresql());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void migrationsRunOnAnEmptyDatabaseAndAgainAsANoOp(TestDatabase db) {
    MigrateResult first = Migrations.migrate(db.dataSource());

    MigrateResult second = Migrations.migrate(db.dataSource());

    assertThat(first.migrationsExecuted).isPositive();
    assertThat(second.migrationsExecuted).isZero();
    assertThat(second.targetSchemaVersion).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void servicesPublishedBeforeRevisionsExistedBecomeTheirOwnRevisionOne(TestDatabase db)
      throws Exception {
    Flyway.configure()
        .dataSource(db.dataSource())
        .locations("classpath:db/migration")
        .target("5")
        .load()
        .migrate();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO tenant (id, code, name, default_locale, nation, is_default)"
              + " VALUES (1, 'demoland', 'Demoland', 'en', 'DEMOLAND', TRUE)");
      st.execute("INSERT INTO agency (id, tenant, code) VALUES (1, 'demoland', 'civil-records')");
      st.execute(
          "INSERT INTO public_service (id, tenant, agency_id, code, state, published_at, version)"
              + " VALUES (7, 'demoland', 1, 'passport', 'PUBLISHED', TIMESTAMP WITH TIME ZONE"
              + " '2026-01-02 03:04:05+00', 1)");
      st.execute(
          "INSERT INTO service_translation (id, tenant, service_id, language, slug, title, summary,"
              + " body, updated_at) VALUES (9, 'demoland', 7, 'fr', 'passeport', 'Passeport',"
              + " 'Demander.', 'Texte.', TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00')");
    }

    Migrations.migrate(db.dataSource());

    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
    try {
      EntityManager em = emf.createEntityManager(Map.of(TenantBinding.PROPERTY, "demoland"));
      PublicService service = em.find(PublicService.class, 7L);
      ServiceRevision first = service.latest();
      assertThat(first.number()).isEqualTo(1);
      assertThat(first.state()).isEqualTo(RevisionState.PUBLISHED);
      assertThat(first.sourceLanguage()).isEqualTo("fr");
      assertThat(first.text("fr").orElseThrow().title()).isEqualTo("Passeport");
      assertThat(first.text("fr").orElseThrow().body())
          .as("plain text of old becomes sanitised HTML")
          .isEqualTo("<p>Texte.</p>");
      assertThat(service.translation("fr").orElseThrow().body()).isEqualTo("<p>Texte.</p>");
      assertThat(service.publishedRevision()).contains(first);
      Tenant tenant =
          em.createNamedQuery(Tenant.BY_CODE, Tenant.class)
              .setParameter("code", "demoland")
              .getSingleResult();
      assertThat(tenant.locales())
          .as("its default, then what it already wrote")
          .containsExactly("en", "fr");
      em.close();

      // the next revision gets an id from the sequence, which never meets the migrated ones
      inTransaction(
          emf,
          tx -> {
            PublicService s = tx.find(PublicService.class, 7L);
            ServiceRevision draft = s.draft("editor", NOW);
            draft.write(
                "fr", "passeport", ServiceText.of("Passeport", "Demander.", "Nouveau."), "e", NOW);
            tx.flush();
            assertThat(draft.id()).isPositive();
          });
    } finally {
      emf.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aPublishedServiceIsFoundBySlugAndLanguage(TestDatabase db) {
    Migrations.migrate(db.dataSource());
    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
    try {
      inTransaction(emf, em -> persistDemoService(em, "passport", true));
      inTransaction(emf, em -> persistDemoService(em, "draft-only", false));

      EntityManager em = emf.createEntityManager(Map.of(TenantBinding.PROPERTY, "demoland"));
      ServiceTranslation fr =
          em.createNamedQuery(ServiceTranslation.PUBLISHED_BY_SLUG, ServiceTranslation.class)
              .setParameter("slug", "passport-fr")
              .getSingleResult();
      List<ServiceTranslation> english =
          em.createNamedQuery(ServiceTranslation.PUBLISHED_IN, ServiceTranslation.class)
              .setParameter("language", "en")
              .getResultList();
      long outbox = em.createNamedQuery(OutboxEntry.COUNT, Long.class).getSingleResult();

      assertThat(fr.title()).isEqualTo("Passeport « état civil »");
      assertThat(fr.updatedAt()).isEqualTo(NOW);
      assertThat(fr.service().agency().nameIn("fr")).isEqualTo("Bureau de l'état civil");
      assertThat(fr.service().translations())
          .extracting(ServiceTranslation::language)
          .containsOnly("en", "fr");
      assertThat(english).extracting(ServiceTranslation::slug).containsExactly("passport-en");
      assertThat(outbox).isEqualTo(2);
      em.close();
    } finally {
      emf.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void outboxAndIndexingQueriesRunOnEveryDatabase(TestDatabase db) {
    Migrations.migrate(db.dataSource());
    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
    try {
      inTransaction(emf, em -> persistDemoService(em, "passport", true));
      inTransaction(emf, em -> persistDemoService(em, "marriage", true));
      EntityManager em = emf.createEntityManager(Map.of(TenantBinding.PROPERTY, "demoland"));
      List<OutboxEntry> entries =
          em.createNamedQuery(OutboxEntry.OLDEST, OutboxEntry.class).getResultList();
      List<Long> serviceIds = entries.stream().map(OutboxEntry::entityId).toList();

      List<ServiceTranslation> french =
          em.createNamedQuery(ServiceTranslation.PUBLISHED_BY_IDS, ServiceTranslation.class)
              .setParameter("ids", serviceIds)
              .setParameter("language", "fr")
              .getResultList();
      List<ServiceTranslation> all =
          em.createNamedQuery(ServiceTranslation.PUBLISHED_ALL, ServiceTranslation.class)
              .getResultList();
      em.getTransaction().begin();
      int deleted =
          em.createNamedQuery(OutboxEntry.DELETE_IDS)
              .setParameter("ids", List.of(entries.get(0).id()))
              .executeUpdate();
      em.getTransaction().commit();

      assertThat(entries).hasSize(2);
      assertThat(entries.get(0).id()).isLessThan(entries.get(1).id());
      assertThat(entries.get(0).createdAt()).isEqualTo(NOW);
      assertThat(french)
          .extracting(ServiceTranslation::slug)
          .containsExactlyInAnyOrder("passport-fr", "marriage-fr");
      assertThat(all).hasSize(4);
      assertThat(deleted).isEqualTo(1);
      assertThat(em.createNamedQuery(OutboxEntry.COUNT, Long.class).getSingleResult()).isEqualTo(1);
      em.close();
    } finally {
      emf.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anotherTenantSeesNoneOfTheRows(TestDatabase db) {
    Migrations.migrate(db.dataSource());
    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
    try {
      inTransaction(emf, em -> persistDemoService(em, "passport", true));
      EntityManager demoland = emf.createEntityManager(Map.of(TenantBinding.PROPERTY, "demoland"));
      EntityManager samplestan =
          emf.createEntityManager(Map.of(TenantBinding.PROPERTY, "samplestan"));
      long id =
          demoland
              .createNamedQuery(ServiceTranslation.PUBLISHED_BY_SLUG, ServiceTranslation.class)
              .setParameter("slug", "passport-en")
              .getSingleResult()
              .service()
              .id();

      assertThat(samplestan.find(PublicService.class, id)).isNull();
      assertThat(
              samplestan
                  .createNamedQuery(ServiceTranslation.PUBLISHED_ALL, ServiceTranslation.class)
                  .getResultList())
          .isEmpty();
      assertThat(
              samplestan
                  .createNamedQuery(Agency.BY_CODE, Agency.class)
                  .setParameter("code", "civil-records")
                  .getResultList())
          .isEmpty();
      assertThat(
              demoland
                  .createNamedQuery(ServiceTranslation.PUBLISHED_ALL, ServiceTranslation.class)
                  .getResultList())
          .hasSize(2);
      demoland.close();
      samplestan.close();
    } finally {
      emf.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aSlugIsUniqueAcrossServices(TestDatabase db) {
    Migrations.migrate(db.dataSource());
    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory("portal-test", db.jpaProperties());
    try {
      inTransaction(emf, em -> persistDemoService(em, "passport", true));

      assertThatThrownBy(
              () ->
                  inTransaction(
                      emf,
                      em -> {
                        Agency agency =
                            em.createNamedQuery(Agency.BY_CODE, Agency.class)
                                .setParameter("code", "civil-records")
                                .getSingleResult();
                        PublicService copy = new PublicService(agency, "copy", "en", "editor", NOW);
                        copy.latest()
                            .write(
                                "en",
                                "passport-en",
                                ServiceText.of("Copy", "Copy.", "Copy."),
                                "e",
                                NOW);
                        copy.latest().submit("editor", NOW);
                        copy.publish(copy.latest(), "reviewer", NOW);
                        em.persist(copy);
                      }))
          .isInstanceOf(PersistenceException.class);
    } finally {
      emf.close();
    }
  }

  private static void persistDemoService(EntityManager em, String code, boolean publish) {
    if (em.createNamedQuery(Tenant.BY_CODE, Tenant.class)
        .setParameter("code", "demoland")
        .getResultList()
        .isEmpty()) {
      em.persist(
          new Tenant(
                  "demoland",
                  "Demoland",
                  Locale.ENGLISH,
                  "DEMOLAND",
                  List.of("OFFICIAL", "SECRET"),
                  Set.of("ALPHA"))
              .answerOn("demoland.localhost")
              .makeDefault());
      em.persist(new Tenant("samplestan", "Samplestan", Locale.ENGLISH));
      em.flush();
      em.persist(
          new Agency("civil-records")
              .name("en", "Civil Records Office")
              .name("fr", "Bureau de l'état civil"));
    }
    Agency agency =
        em.createNamedQuery(Agency.BY_CODE, Agency.class)
            .setParameter("code", "civil-records")
            .getSingleResult();
    PublicService service = new PublicService(agency, code, "en", "editor", NOW);
    ServiceRevision draft = service.latest();
    draft.write(
        "en", code + "-en", ServiceText.of("Passport", "Apply for a passport.", "Body."), "e", NOW);
    draft.write(
        "fr",
        code + "-fr",
        ServiceText.of("Passeport « état civil »", "Demander un passeport.", "Texte."),
        "e",
        NOW);
    if (publish) {
      draft.submit("editor", NOW);
      service.publish(draft, "reviewer", NOW);
    }
    em.persist(service);
    em.flush();
    em.persist(
        new OutboxEntry(
            "demoland", org.civicportal.catalog.control.ServiceKind.TYPE, service.id(), NOW));
  }

  private static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
    EntityManager em = emf.createEntityManager(Map.of(TenantBinding.PROPERTY, "demoland"));
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
