package org.civicportal.request.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceRequestsTest {
  @Test
  void csvFieldsAreQuotedAndFormulasDefused() {
    assertThat(ServiceRequests.csvField("plain")).isEqualTo("plain");
    assertThat(ServiceRequests.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(ServiceRequests.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ServiceRequests.csvField("=HYPERLINK(\"x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(ServiceRequests.csvField("-1")).isEqualTo("'-1");
  }

  @Test
  void emailsAreCheckedLoosely() {
    assertThat(ServiceRequests.isEmail("a@example.org")).isTrue();
    assertThat(ServiceRequests.isEmail("a@localhost")).isFalse();
    assertThat(ServiceRequests.isEmail("<a@b.c>")).isFalse();
    assertThat(ServiceRequests.isEmail("a b@example.org")).isFalse();
  }

  @Test
  void weeksAreIsoWeeks() {
    assertThat(ServiceRequests.week(Instant.parse("2026-01-01T12:00:00Z"))).isEqualTo("2026-W01");
    assertThat(ServiceRequests.week(Instant.parse("2027-01-01T12:00:00Z"))).isEqualTo("2026-W53");
  }
}
