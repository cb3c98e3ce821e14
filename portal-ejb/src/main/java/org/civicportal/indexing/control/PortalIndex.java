package org.civicportal.indexing.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import org.civicportal.persistence.control.PortalSettings;
import org.civicportal.search.SearchIndex;

/**
 * Owns the portal's one Lucene index on disk ({@code <data dir>/index}): opens it at start-up,
 * closes it at shutdown, and tells whether it is ready to answer. {@link SearchIndex} is
 * thread-safe, so access is not serialised here.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortalIndex {
  private static final Logger LOG = Logger.getLogger(PortalIndex.class.getName());

  private SearchIndex index;
  private volatile boolean ready;

  @PostConstruct
  void open() {
    var dir = PortalSettings.current().indexDir();
    try {
      index = SearchIndex.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + dir, e);
    }
    LOG.info(
        () -> "Search index at " + dir + (index.needsRebuild() ? " needs a rebuild" : " opened"));
  }

  @PreDestroy
  void close() {
    ready = false;
    try {
      index.close();
    } catch (IOException e) {
      LOG.warning(() -> "Closing the search index failed: " + e);
    }
  }

  /**
   * Takes these keys out of the index at once (committed, so the next search no longer finds them).
   * For a label that rises: the record must vanish for readers below the new label before the
   * transaction that raised it commits; the outbox puts it back with its new label afterwards.
   */
  public void hide(java.util.Collection<String> keys) {
    try {
      index.apply(java.util.List.of(), keys, index.checkpoint());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not take records out of the search index", e);
    }
  }

  public SearchIndex index() {
    return index;
  }

  /**
   * True once the index has caught up with the database at start-up, and while applying the outbox
   * works.
   */
  public boolean isReady() {
    return ready;
  }

  public void healthy(boolean ready) {
    this.ready = ready;
  }
}
