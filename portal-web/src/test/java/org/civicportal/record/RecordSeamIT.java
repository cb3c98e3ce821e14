package org.civicportal.record;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.civicportal.sync.client.SyncClient;
import org.civicportal.testkind.TestNoteKind;
import org.civicportal.web.Deployments;
import org.civicportal.web.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The labelled-record seam (issue 15): a kind of record that exists only in this test, written as
 * one package ({@code org.civicportal.testkind}) and registered by being a bean, is indexed, found,
 * counted, synced, revoked and audited by the portal's own search, sync and audit, none of which
 * names it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecordSeamIT {
  private static final String PASSWORD = "Demo!2026";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal().addPackage(TestNoteKind.class.getPackage());
  }

  @ArquillianResource URL base;

  @Test
  void aKindRegisteredInItsOwnPackageIsIndexedFoundCountedSyncedRevokedAndAudited()
      throws Exception {
    String word = "quollnote" + System.nanoTime() % 1_000_000;
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/test-notes",
            "POST",
            "{\"text\":\"The " + word + " memo\",\"classification\":\"SECRET//ALPHA\"}",
            as("analyst1"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Http.json(created).asJsonObject().getJsonNumber("id").longValue();

    // indexed, found and counted — for its readers only
    JsonObject analyst = awaitSearch("analyst1", word, 1);
    JsonObject officer = search("officer1", word);
    assertThat(analyst.getJsonArray("hits").getJsonObject(0).getString("type"))
        .isEqualTo(TestNoteKind.TYPE);
    assertThat(analyst.getJsonArray("hits").getJsonObject(0).getString("classification"))
        .isEqualTo("SECRET//ALPHA");
    assertThat(analyst.getJsonObject("facets").getJsonObject("type").getInt(TestNoteKind.TYPE))
        .isEqualTo(1);
    assertThat(officer.getJsonNumber("total").longValue()).isZero();
    assertThat(officer.toString()).doesNotContain(word, TestNoteKind.TYPE);

    // audited: the search page that showed it names it
    JsonArray listed =
        Http.json(
                Http.get(
                    base,
                    "api/v1/audit?action=RECORDS_LISTED&actor=analyst1&size=20",
                    as("auditor1")))
            .asJsonArray();
    assertThat(listed.toString()).contains(TestNoteKind.TYPE + ":" + id + " SECRET//ALPHA");

    // synced to a device that may hold it
    SyncClient tablet =
        SyncClient.register(base, "analyst1", PASSWORD, "seam tablet " + System.nanoTime());
    HttpResponse<String> accredited =
        Http.send(
            base,
            "api/v1/devices/" + tablet.id(),
            "PUT",
            "{\"accreditation\":\"SECRET//ALPHA\"}",
            as("security1"));
    assertThat(accredited.statusCode()).as(accredited.body()).isEqualTo(200);
    tablet.pullAll();
    assertThat(tablet.held(TestNoteKind.TYPE, id)).isNotNull();

    // raised above the device's user: revoked at the next pull, and the revoke audited
    HttpResponse<String> raised =
        Http.send(
            base,
            "api/v1/test-notes/" + id,
            "PUT",
            "{\"text\":\"The " + word + " memo\",\"classification\":\"TOP SECRET//ALPHA\"}",
            as("director1"));
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
    tablet.pullAll();
    JsonArray revokes =
        Http.json(
                Http.get(
                    base,
                    "api/v1/audit?action=SYNC_REVOKED&actor=analyst1&size=50",
                    as("auditor1")))
            .asJsonArray();

    assertThat(tablet.held(TestNoteKind.TYPE, id)).isNull();
    assertThat(tablet.received())
        .anySatisfy(
            c -> {
              assertThat(c.getString("type")).isEqualTo(TestNoteKind.TYPE);
              assertThat(c.getString("op")).isEqualTo("revoke");
            });
    assertThat(revokes.toString()).contains(TestNoteKind.TYPE + ":" + id);
    assertThat(awaitSearch("analyst1", word, 0).getJsonNumber("total").longValue()).isZero();
  }

  private JsonObject awaitSearch(String user, String word, long total) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject result = search(user, word);
    while (result.getJsonNumber("total").longValue() != total && System.nanoTime() < deadline) {
      Thread.sleep(200);
      result = search(user, word);
    }
    return result;
  }

  private JsonObject search(String user, String word) {
    HttpResponse<String> r =
        Http.get(base, "api/v1/search?lang=en&facets=true&q=" + word, as(user));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Http.json(r).asJsonObject();
  }

  private static String[] as(String user) {
    return new String[] {"Authorization", Http.basic(user, PASSWORD)};
  }
}
