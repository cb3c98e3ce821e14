package org.civicportal.request.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestQueuesTest {
  @Test
  void csvFieldsAreQuotedAndFormulasDefused() {
    assertThat(RequestQueues.csvField("plain")).isEqualTo("plain");
    assertThat(RequestQueues.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(RequestQueues.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(RequestQueues.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(RequestQueues.csvField("-1")).isEqualTo("'-1");
  }

  @Test
  void weeksAreIsoWeeks() {
    assertThat(RequestQueues.week(Instant.parse("2026-01-01T12:00:00Z"))).isEqualTo("2026-W01");
    assertThat(RequestQueues.week(Instant.parse("2027-01-01T12:00:00Z"))).isEqualTo("2026-W53");
  }
}
