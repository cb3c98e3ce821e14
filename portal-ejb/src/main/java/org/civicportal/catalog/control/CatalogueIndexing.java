package org.civicportal.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.record.control.Records;

/**
 * Tells the search index, in the caller's transaction, that what citizens may read of a service has
 * changed (published, replaced or taken down).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CatalogueIndexing {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Records records;

  public void changed(PublicService service, Instant now) {
    em.flush();
    records.changed(ServiceKind.TYPE, service.id());
  }
}
