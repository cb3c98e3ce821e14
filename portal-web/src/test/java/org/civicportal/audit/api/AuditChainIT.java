package org.civicportal.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.civicportal.audit.control.AuditAnchors;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.control.Verification;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.persistence.control.PortalSettings;
import org.civicportal.web.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, on the portal's own database and anchor directory: the audit chain verifies
 * until a row is edited with plain SQL behind the portal's back, and then names that row (on
 * Samplestan's chain, so the other tests' Demoland chain stays intact); the scheduled checkpoints
 * catch what the chain alone cannot.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {
  private static final String TENANT = "samplestan";

  @Deployment
  static WebArchive deployment() {
    return Deployments.portalWithAssertions(AuditChainIT.class);
  }

  @Inject AuditTrail trail;

  @Resource(lookup = "java:app/jdbc/portal")
  DataSource dataSource;

  @Resource UserTransaction transaction;

  @Test
  void verificationCatchesARowEditedWithSql() throws Exception {
    inTransaction(
        () -> {
          for (int i = 1; i <= 3; i++) {
            trail.record(TENANT, "tester", AuditAction.ADMIN_ACTION, "test:" + i, "entry " + i);
          }
          return null;
        });
    Verification before = inTransaction(() -> trail.verify(TENANT));
    long edited;
    try (Connection c = dataSource.getConnection();
        PreparedStatement last =
            c.prepareStatement("SELECT MAX(sequence) FROM audit_entry WHERE tenant = ?")) {
      last.setString(1, TENANT);
      try (ResultSet rs = last.executeQuery()) {
        rs.next();
        edited = rs.getLong(1) - 1;
      }
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE audit_entry SET detail = 'nothing happened' WHERE tenant = ? AND sequence = ?")) {
        update.setString(1, TENANT);
        update.setLong(2, edited);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
    }

    Verification after = inTransaction(() -> trail.verify(TENANT));

    assertThat(before.valid()).isTrue();
    assertThat(after.valid()).isFalse();
    assertThat(after.firstBrokenSequence()).isEqualTo(edited);
  }

  /**
   * The scheduler checkpoints a chain that grew within 30 seconds; cutting the newest entries and
   * moving the head back behind the portal's back is then caught. A chain of its own (audit rows
   * need no tenant row), so the other tests' chains stay intact.
   */
  @Test
  void theScheduledCheckpointCatchesACutOfTheNewestEntries_issue14() throws Exception {
    String tenant = "anchor-" + UUID.randomUUID().toString().substring(0, 8);
    inTransaction(
        () -> {
          for (int i = 1; i <= 4; i++) {
            trail.record(tenant, "tester", AuditAction.ADMIN_ACTION, "test:" + i, "entry " + i);
          }
          return null;
        });
    AuditAnchors anchors = AuditAnchors.of(PortalSettings.current());
    Instant deadline = Instant.now().plusSeconds(45);
    while (anchors.newestSigned(tenant) < 4 && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
    Verification checkpointed = inTransaction(() -> trail.verify(tenant));
    try (Connection c = dataSource.getConnection();
        PreparedStatement cut =
            c.prepareStatement("DELETE FROM audit_entry WHERE tenant = ? AND sequence > 2");
        PreparedStatement head =
            c.prepareStatement(
                "UPDATE audit_chain SET last_sequence = 2, last_hash = (SELECT e.hash FROM"
                    + " audit_entry e WHERE e.tenant = ? AND e.sequence = 2) WHERE tenant = ?")) {
      cut.setString(1, tenant);
      assertThat(cut.executeUpdate()).isEqualTo(2);
      head.setString(1, tenant);
      head.setString(2, tenant);
      assertThat(head.executeUpdate()).isEqualTo(1);
    }

    Verification after = inTransaction(() -> trail.verify(tenant));

    assertThat(anchors.file(tenant)).exists();
    assertThat(checkpointed.valid()).isTrue();
    assertThat(checkpointed.lastCheckpointSequence()).isEqualTo(4);
    assertThat(after.valid()).isFalse();
    assertThat(after.firstBrokenSequence()).isEqualTo(3);
    assertThat(after.reason()).contains("covered entry 4");
  }

  private <T> T inTransaction(Callable<T> work) throws Exception {
    transaction.begin();
    try {
      T result = work.call();
      transaction.commit();
      return result;
    } catch (Exception e) {
      // a failed commit has ended the transaction already: keep its failure, not rollback's
      if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
      throw e;
    }
  }
}
