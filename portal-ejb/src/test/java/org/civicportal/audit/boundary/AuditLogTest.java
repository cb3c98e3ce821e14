package org.civicportal.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.civicportal.audit.control.AuditFilter;
import org.civicportal.problem.boundary.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The input the boundary refuses before it reads anything. */
class AuditLogTest {
  private final AuditLog log = new AuditLog();

  @Test
  void aPageSizeOutsideTheLimitIsRefused() {
    assertThatThrownBy(() -> log.browse("demoland", AuditFilter.ANY, 0, AuditLog.MAX_PAGE_SIZE + 1))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("size"))
        .hasMessageContaining("200");
  }

  @Test
  void aPageBeyondTheAddressableIsRefused() {
    assertThatThrownBy(() -> log.browse("demoland", AuditFilter.ANY, Integer.MAX_VALUE, 100))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() {
    Instant start = Instant.parse("2026-11-26T10:00:00Z");
    AuditFilter backwards = new AuditFilter(null, null, start, start.minusSeconds(1));

    assertThatThrownBy(() -> log.browse("demoland", backwards, 0, 20))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("period");
  }

  @Test
  void aMissingTenantIsRefused() {
    assertThatThrownBy(() -> log.verify(" ")).isInstanceOf(InvalidInputException.class);
  }
}
