package org.civicportal.notification.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {
  @Test
  void failuresBackOffUpToHalfAnHour() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    OutgoingMail mail = new OutgoingMail("demoland", "a@example.org", "s", "b", "<id>", t);
    long[] waits = {10, 20, 40, 80, 160, 320, 640, 1280, 1800, 1800};
    for (long wait : waits) {
      mail.failed("connection refused", t);
      assertThat(Duration.between(t, mail.nextAttemptAt()).toSeconds()).isEqualTo(wait);
    }
    assertThat(mail.sentAt()).isEmpty();
    assertThat(mail.lastError()).contains("connection refused");
  }

  @Test
  void aClaimedMailIsNotClaimedAgainUntilTheLeaseEnds() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    OutgoingMail mail = new OutgoingMail("demoland", "a@example.org", "s", "b", "<id>", t);
    assertThat(mail.claim(t, Duration.ofMinutes(1))).isTrue();
    assertThat(mail.claim(t.plusSeconds(30), Duration.ofMinutes(1))).isFalse();
    assertThat(mail.claim(t.plusSeconds(61), Duration.ofMinutes(1))).isTrue();
    mail.sent(t.plusSeconds(62));
    assertThat(mail.claim(t.plusSeconds(3600), Duration.ofMinutes(1))).isFalse();
  }
}
