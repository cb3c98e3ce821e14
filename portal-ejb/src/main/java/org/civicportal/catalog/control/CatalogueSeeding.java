package org.civicportal.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicportal.catalog.entity.Agency;
import org.civicportal.catalog.entity.Category;
import org.civicportal.catalog.entity.Channel;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.catalog.entity.ServiceRevision;
import org.civicportal.catalog.entity.ServiceText;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.tenant.control.TenantBound;

/**
 * Writes a tenant's catalogue directly, published, without the editorial workflow: for demo data
 * and first installs only, never reachable from a page or the API.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@TenantBound
public class CatalogueSeeding {
  static final String ACTOR = "setup";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CatalogueIndexing indexing;

  private final Clock clock = Clock.systemUTC();

  public Agency agency(String code, Map<String, String> names) {
    Agency agency = new Agency(code);
    names.forEach(agency::name);
    em.persist(agency);
    return agency;
  }

  public Category category(String code, Map<String, String> names) {
    Category category = new Category(code);
    names.forEach(category::name);
    em.persist(category);
    return category;
  }

  /**
   * A published service: revision 1 with these texts (language to slug and text) and this online
   * form (null: the standard form).
   */
  public PublicService service(
      String agencyCode,
      String code,
      String sourceLanguage,
      String category,
      Set<Channel> channels,
      Integer processingDays,
      Map<String, Map.Entry<String, ServiceText>> texts,
      FormDefinition form) {
    Agency agency =
        em.createNamedQuery(Agency.BY_CODE, Agency.class)
            .setParameter("code", agencyCode)
            .getSingleResult();
    Instant now = clock.instant();
    PublicService service = new PublicService(agency, code, sourceLanguage, ACTOR, now);
    em.persist(service);
    em.flush();
    ServiceRevision revision = service.latest();
    texts.forEach(
        (language, slugAndText) -> {
          ServiceText text = slugAndText.getValue();
          revision.write(
              language,
              slugAndText.getKey(),
              new ServiceText(
                  text.title(),
                  text.summary(),
                  RichText.sanitise(text.body()),
                  RichText.sanitise(text.eligibility()),
                  RichText.sanitise(text.documentsNeeded()),
                  text.fees(),
                  text.processingTime(),
                  text.contact()),
              ACTOR,
              now);
        });
    revision.describe(category, channels, List.of(), List.of(), null, processingDays, ACTOR, now);
    if (form != null) {
      revision.defineForm(form, ACTOR, now);
    }
    revision.submit(ACTOR, now);
    service.publish(revision, ACTOR, now);
    indexing.changed(service, now);
    return service;
  }
}
