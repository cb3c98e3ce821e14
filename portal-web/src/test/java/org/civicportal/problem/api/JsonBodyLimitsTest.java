package org.civicportal.problem.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyLimitsTest {

  private static byte[] check(String body) throws Exception {
    return JsonBodyLimits.checked(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static int statusOf(String body) {
    try {
      check(body);
      return 200;
    } catch (JsonBodyLimits.Refused e) {
      return e.status.getStatusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aBodyWithinTheLimitsPassesUnchanged() throws Exception {
    String body = "{\"title\":\"a [{ \\\" ]} b\",\"ops\":[{\"data\":{\"x\":[1,2]}}]}";

    assertThat(new String(check(body), StandardCharsets.UTF_8)).isEqualTo(body);
  }

  @Test
  void nestingDeeperThanTheLimitIsA400_issue14() {
    String deep =
        "[".repeat(JsonBodyLimits.MAX_DEPTH + 1) + "]".repeat(JsonBodyLimits.MAX_DEPTH + 1);
    String atLimit = "[".repeat(JsonBodyLimits.MAX_DEPTH) + "]".repeat(JsonBodyLimits.MAX_DEPTH);

    assertThat(statusOf(deep)).isEqualTo(400);
    assertThat(statusOf(atLimit)).isEqualTo(200);
    assertThat(statusOf("[".repeat(200_000))).isEqualTo(400);
  }

  @Test
  void bracketsInsideStringsDoNotCount() {
    String text = "\"" + "[{".repeat(1000) + "\\\"" + "\"";

    assertThat(statusOf("{\"title\":" + text + "}")).isEqualTo(200);
  }

  @Test
  void aBodyLargerThanTheLimitIsA413() {
    String big = "\"" + "a".repeat(JsonBodyLimits.MAX_BYTES) + "\"";

    assertThat(statusOf(big)).isEqualTo(413);
  }

  @Test
  void onlyJsonMediaTypesAreChecked() {
    assertThat(JsonBodyLimits.isJson("application", "json")).isTrue();
    assertThat(JsonBodyLimits.isJson("application", "merge-patch+json")).isTrue();
    assertThat(JsonBodyLimits.isJson("text", "csv")).isFalse();
    assertThat(JsonBodyLimits.isJson("application", "x-ndjson")).isFalse();
    assertThat(JsonBodyLimits.isJson("application", null)).isFalse();
  }
}
