package org.civicportal.indexing.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.civicportal.web.Deployments;
import org.civicportal.web.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The search API as employees and citizens meet it: facets counted only over what the reader may
 * see, suggestions that never reveal a word found only above the reader's clearance, cursor pages
 * without duplicates or gaps while documents are added, service requests found only by their
 * agency's case workers, identical bodies for identical requests, and no 500 for any payload of the
 * shared attack lists.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecuredSearchIT {
  static final String PASSWORD = "Demo!2026";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  static String[] as(String user) {
    return new String[] {"Authorization", Http.basic(user, PASSWORD)};
  }

  void document(String user, String title, String marking) throws Exception {
    HttpResponse<String> r =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\""
                + title
                + "\",\"body\":\"Body of "
                + title
                + ".\",\"agency\":\"transport\","
                + "\"classification\":\""
                + marking
                + "\"}",
            as(user));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  JsonObject search(String user, String query) {
    HttpResponse<String> r = Http.get(base, "api/v1/search?lang=en&" + query, as(user));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return (JsonObject) Http.json(r);
  }

  void await(String user, String query, long total) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (search(user, query).getJsonNumber("total").longValue() != total
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  @Test
  void facetsAndSuggestionsCountNothingAboveTheReader() throws Exception {
    document("analyst1", "Quokkafacet harbour plan", "OFFICIAL");
    document("analyst1", "Quokkafacet ferry plan", "OFFICIAL");
    document("analyst1", "Quokkafacet zyzzyvasecret plan", "SECRET//ALPHA");
    await("analyst1", "q=quokkafacet", 3);

    JsonObject low = search("officer1", "q=quokkafacet");
    assertThat(low.getJsonNumber("total").longValue()).isEqualTo(2);
    assertThat(low.getJsonObject("facets").getJsonObject("level").toString())
        .isEqualTo("{\"OFFICIAL\":2}");
    assertThat(low.getJsonObject("facets").getJsonObject("type").getInt("document")).isEqualTo(2);
    assertThat(low.toString()).doesNotContain("zyzzyvasecret", "SECRET");
    JsonObject high = search("analyst1", "q=quokkafacet");
    assertThat(high.getJsonNumber("total").longValue()).isEqualTo(3);
    assertThat(high.getJsonObject("facets").getJsonObject("level").getInt("SECRET")).isEqualTo(1);
    assertThat(search("analyst1", "q=quokkafacet&level=SECRET").getJsonNumber("total").longValue())
        .isEqualTo(1);
    assertThat(search("officer1", "q=quokkafacet&level=SECRET").getJsonNumber("total").longValue())
        .isZero();

    assertThat(suggestions("officer1", "zyzz")).isEmpty();
    assertThat(suggestions("analyst1", "zyzz")).contains("zyzzyvasecret");
    assertThat(suggestions("officer1", "quokka")).contains("quokkafacet");
    // "did you mean" never corrects towards a word the reader may not see
    JsonObject typo = search("officer1", "q=zyzzyvasecrat");
    assertThat(typo.toString()).doesNotContain("zyzzyvasecret");
  }

  /**
   * Issue 14: staff documents at the lowest level once shaped public answers (facets, suggestions,
   * corrections) although their hits were dropped. For a visitor and a citizen, in both tenants,
   * they now count for nothing.
   */
  @Test
  void lowestLevelStaffDocumentsShapeNothingThePublicGets_issue14() throws Exception {
    String word = "wallabyinternal" + System.nanoTime() % 100_000;
    document("analyst1", "The " + word + " memo", "OFFICIAL");
    HttpResponse<String> samplestan =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\"The "
                + word
                + " memo\",\"body\":\"Internal.\","
                + "\"agency\":\"wildlife\",\"classification\":\"UNCLASSIFIED\"}",
            "Host",
            "samplestan.localhost",
            "Authorization",
            Http.basic("analyst1", PASSWORD));
    assertThat(samplestan.statusCode()).as(samplestan.body()).isEqualTo(201);
    await("officer1", "q=" + word, 1);

    for (String[] host : List.of(new String[0], new String[] {"Host", "samplestan.localhost"})) {
      for (String[] who : List.of(new String[0], as("citizen1"))) {
        String[] headers = concat(host, who);
        String query = "api/v1/search?lang=en&facets=true&q=" + word;
        HttpResponse<String> hits = Http.get(base, query, headers);
        HttpResponse<String> typo =
            Http.get(
                base, "api/v1/search?lang=en&q=" + word.replace("internal", "intenral"), headers);
        HttpResponse<String> completions =
            Http.get(base, "api/v1/search/suggestions?lang=en&q=" + word.substring(0, 9), headers);

        String as = String.join(" ", headers);
        assertThat(hits.statusCode()).as(as).isEqualTo(200);
        JsonObject result = (JsonObject) Http.json(hits);
        assertThat(result.getJsonNumber("total").longValue()).as(as).isZero();
        result
            .getJsonObject("facets")
            .values()
            .forEach(counts -> assertThat(counts.asJsonObject()).as(as).isEmpty());
        assertThat(typo.body()).as(as).doesNotContain(word);
        assertThat(completions.body()).as(as).doesNotContain(word);
      }
    }
    assertThat(search("officer1", "q=" + word).getJsonNumber("total").longValue()).isEqualTo(1);
  }

  /** Issue 14: a saved search's results carry the marking of what they show. */
  @Test
  void aSavedSearchsResultsAreMarkedAndOnlyItsOwnerRunsIt_issue14() throws Exception {
    String word = "numbatsaved" + System.nanoTime() % 100_000;
    document("analyst1", "The " + word + " brief", "SECRET//ALPHA");
    await("analyst1", "q=" + word, 1);
    HttpResponse<String> saved =
        Http.send(
            base,
            "api/v1/search/saved",
            "POST",
            "{\"name\":\"" + word + "\",\"query\":\"q=" + word + "&type=document\"}",
            as("analyst1"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String results =
        "api/v1/search/saved/" + Http.json(saved).asJsonObject().getInt("id") + "/results?lang=en";

    HttpResponse<String> mine = Http.get(base, results, as("analyst1"));
    HttpResponse<String> another = Http.get(base, results, as("director1"));

    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    assertThat(mine.headers().firstValue("Classification")).hasValue("SECRET//ALPHA");
    JsonObject body = (JsonObject) Http.json(mine);
    assertThat(body.getJsonNumber("total").longValue()).isEqualTo(1);
    assertThat(body.getString("classification")).isEqualTo("SECRET//ALPHA");
    assertThat(another.statusCode()).isEqualTo(404);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  List<String> suggestions(String user, String prefix) {
    HttpResponse<String> r =
        Http.get(base, "api/v1/search/suggestions?lang=en&q=" + prefix, as(user));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ((JsonArray) Http.json(r))
        .getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
  }

  @Test
  void cursorPagesHaveNoDuplicateAndNoGapWhileDocumentsAreAdded() throws Exception {
    for (int i = 0; i < 7; i++) {
      document("officer1", "Pagingword report " + i, "OFFICIAL");
    }
    await("officer1", "q=pagingword", 7);
    JsonObject page = search("officer1", "q=pagingword&size=3");
    long total = page.getJsonNumber("total").longValue();
    assertThat(total).isEqualTo(7);
    List<String> seen = new ArrayList<>();
    page.getJsonArray("hits").forEach(h -> seen.add(h.asJsonObject().get("id").toString()));
    // more matching documents arrive while the reader pages on
    document("officer1", "Pagingword pagingword pagingword newcomer", "OFFICIAL");
    await("officer1", "q=pagingword", 8);
    while (page.get("nextCursor") != null && page.get("nextCursor") != JsonValue.NULL) {
      String cursor = page.getString("nextCursor");
      page =
          search(
              "officer1",
              "q=pagingword&size=3&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      assertThat(page.getJsonNumber("total").longValue()).isEqualTo(total);
      page.getJsonArray("hits").forEach(h -> seen.add(h.asJsonObject().get("id").toString()));
    }
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    // a cursor is for its own search only, and a made-up one is a clear 400
    HttpResponse<String> bad =
        Http.get(base, "api/v1/search?lang=en&q=pagingword&cursor=nonsense", as("officer1"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("cursor");
  }

  @Test
  void requestsAreFoundOnlyByTheirAgencysCaseWorkers() throws Exception {
    HttpResponse<String> r =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            "{\"service\":\"passport\",\"answers\":{\"description\":[\"My wombatword passport is lost\"]}}",
            as("citizen1"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String reference = ((JsonObject) Http.json(r)).getString("reference");
    await("caseworker1", "q=wombatword", 1);
    JsonObject found = search("caseworker1", "q=wombatword");
    assertThat(found.getJsonNumber("total").longValue()).isEqualTo(1);
    assertThat(found.toString()).contains(reference, "\"type\":\"request\"");
    for (String other : List.of("caseworker2", "officer1", "editor1", "citizen1", "director1")) {
      JsonObject none = search(other, "q=wombatword");
      assertThat(none.getJsonNumber("total").longValue()).as(other).isZero();
      assertThat(none.toString()).as(other).doesNotContain(reference);
    }
    // other tests may publish services about wombats; the request's own word is never offered
    assertThat(suggestions("caseworker2", "wombat")).doesNotContain("wombatword");
    assertThat(suggestions("caseworker1", "wombat")).contains("wombatword");
  }

  @Test
  void theSameRequestGivesTheSameBodyAndServicesAreFoundInEveryLanguage() {
    HttpResponse<String> one = Http.get(base, "api/v1/search?lang=fr&q=passeport");
    HttpResponse<String> two = Http.get(base, "api/v1/search?lang=fr&q=passeport");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body())
        .isEqualTo(two.body())
        .contains("\"facets\"")
        .doesNotContain("took", "time");
    JsonObject body = (JsonObject) Http.json(one);
    assertThat(body.getJsonNumber("total").longValue()).isPositive();
    assertThat(body.containsKey("nextCursor")).isTrue();
  }

  @Test
  void noPayloadOfTheSharedAttackListsMakesTheServerFail() throws Exception {
    Path payloads = Path.of("..", "..", "shared", "corpus", "security-test-payloads");
    Assumptions.assumeTrue(Files.isDirectory(payloads), "the shared payload lists are not here");
    Set<String> lines = new HashSet<>();
    try (Stream<Path> files = Files.walk(payloads)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        // some lists hold bytes that are not UTF-8: read them as the server would get them,
        // replaced
        lines.addAll(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList());
      }
    }
    int checked = 0;
    for (String line : lines) {
      String q = URLEncoder.encode(line, StandardCharsets.UTF_8);
      List<String> paths =
          checked % 5 == 0
              ? List.of("api/v1/search?lang=en&q=" + q, "api/v1/search/suggestions?lang=en&q=" + q)
              : List.of("api/v1/search?lang=en&q=" + q);
      for (String path : paths) {
        HttpResponse<String> r = Http.get(base, path, as("analyst1"));
        assertThat(r.statusCode()).as(path + " " + r.body()).isLessThan(500);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(6000);
  }
}
