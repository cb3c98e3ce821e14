package org.civicportal.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.civicportal.audit.control.AuditTrail;
import org.civicportal.audit.control.Verification;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.web.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, on the portal's own database: the audit chain verifies until a row is edited
 * with plain SQL behind the portal's back, and then names that row. Uses Samplestan's chain, so the
 * other tests' Demoland chain stays intact.
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

  private <T> T inTransaction(Callable<T> work) throws Exception {
    transaction.begin();
    try {
      T result = work.call();
      transaction.commit();
      return result;
    } catch (Exception e) {
      transaction.rollback();
      throw e;
    }
  }
}
