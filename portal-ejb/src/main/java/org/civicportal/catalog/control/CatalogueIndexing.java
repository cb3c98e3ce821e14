package org.civicportal.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.civicportal.catalog.entity.PublicService;
import org.civicportal.indexing.control.IndexChanged;
import org.civicportal.indexing.entity.OutboxEntry;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * Tells the search index, in the caller's transaction, that what citizens may read of a service has
 * changed (published, replaced or taken down).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CatalogueIndexing {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject Event<IndexChanged> indexChanged;

  public void changed(PublicService service, Instant now) {
    em.flush();
    em.persist(
        new OutboxEntry(CurrentTenant.code(), OutboxEntry.PUBLIC_SERVICE, service.id(), now));
    indexChanged.fire(new IndexChanged(OutboxEntry.PUBLIC_SERVICE, service.id()));
  }
}
