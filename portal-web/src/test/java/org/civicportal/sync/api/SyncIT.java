package org.civicportal.sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.civicportal.sync.client.SyncClient;
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
 * Devices over HTTP, driven by the reference client as a device would: a device sees the
 * intersection of its user's clearance and its accreditation and nothing else; a raised label
 * revokes; pushes are idempotent, never write down, and keep conflicts under the join; wiped,
 * suspended and silent devices are cut off.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncIT {
  private static final String PASSWORD = "Demo!2026";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private SyncClient device(String user) {
    return SyncClient.register(base, user, PASSWORD, user + "'s tablet " + System.nanoTime());
  }

  private void accredit(SyncClient device, String marking) throws Exception {
    HttpResponse<String> r =
        Http.send(
            base,
            "api/v1/devices/" + device.id(),
            "PUT",
            "{\"accreditation\":\"" + marking + "\"}",
            as("security1"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** Issue 14: admin1 is cleared SECRET without ALPHA; nobody grants what they do not hold. */
  @Test
  void nobodyAccreditsADeviceAboveTheirOwnClearance_issue14() throws Exception {
    SyncClient tablet = device("director1");

    HttpResponse<String> above =
        Http.send(
            base,
            "api/v1/devices/" + tablet.id(),
            "PUT",
            "{\"accreditation\":\"SECRET//ALPHA\"}",
            as("admin1"));
    HttpResponse<String> within =
        Http.send(
            base,
            "api/v1/devices/" + tablet.id(),
            "PUT",
            "{\"accreditation\":\"SECRET\"}",
            as("admin1"));

    assertThat(above.statusCode()).isEqualTo(400);
    assertThat(Http.json(above).asJsonObject().getString("parameter")).isEqualTo("accreditation");
    assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
  }

  private long document(String user, String title, String classification) throws Exception {
    HttpResponse<String> r =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\""
                + title
                + "\",\"body\":\"Body of "
                + title
                + "\",\"agency\":\"transport\",\"classification\":\""
                + classification
                + "\"}",
            as(user));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Http.json(r).asJsonObject().getJsonNumber("id").longValue();
  }

  private static String[] as(String user) {
    return new String[] {"Authorization", Http.basic(user, PASSWORD)};
  }

  private static List<String> classifications(SyncClient device) {
    return device.received().stream()
        .filter(c -> c.getString("op").equals("upsert"))
        .map(c -> c.getString("classification"))
        .toList();
  }

  @Test
  void aSecretDeviceNeverReceivesTopSecretAndARaiseRevokesWhatItHolds() throws Exception {
    String word = "quokka" + System.nanoTime();
    long secret = document("director1", "Secret " + word, "SECRET");
    long topSecret = document("director1", "Top secret " + word, "TOP SECRET");
    SyncClient fresh = device("director1");
    SyncClient tablet = device("director1");
    accredit(tablet, "SECRET");

    fresh.pullAll();
    tablet.pullAll();

    // a new device holds only the tenant's lowest level, whatever its user's clearance
    assertThat(classifications(fresh)).isNotEmpty().containsOnly("OFFICIAL");
    assertThat(tablet.held("document", secret)).isNotNull();
    assertThat(tablet.held("document", topSecret)).isNull();
    assertThat(classifications(tablet)).contains("SECRET").noneMatch(c -> c.startsWith("TOP"));
    assertThat(tablet.received().toString()).doesNotContain("Top secret " + word);
    assertThat(tablet.received())
        .noneMatch(
            c ->
                c.getJsonNumber("id").longValue() == topSecret
                    && c.getString("type").equals("document"));

    HttpResponse<String> raised =
        Http.send(
            base,
            "api/v1/documents/" + secret,
            "PUT",
            "{\"title\":\"Secret "
                + word
                + "\",\"body\":\"now higher\",\"classification\":\"TOP SECRET\"}",
            as("director1"));
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
    JsonArray next = tablet.pull(100);

    assertThat(next)
        .map(JsonValue::asJsonObject)
        .filteredOn(c -> c.getJsonNumber("id").longValue() == secret)
        .singleElement()
        .satisfies(c -> assertThat(c.getString("op")).isEqualTo("revoke"))
        .satisfies(c -> assertThat(c.containsKey("data")).isFalse());
    assertThat(tablet.held("document", secret)).isNull();
    assertThat(tablet.received().toString()).doesNotContain("now higher");
    assertThat(Http.get(base, "api/v1/audit?action=SYNC_REVOKED", as("auditor1")).body())
        .contains("revoked document:" + secret);
    // nor may it write to it any more, nor to what it never could read
    JsonObject late =
        tablet
            .push(SyncClient.editDocument("late-" + word, secret, 1, "x", "y", "SECRET"))
            .getJsonObject(0);
    assertThat(late.getString("status")).isEqualTo("rejected");
    JsonObject never =
        device("analyst1")
            .push(SyncClient.editDocument("never-" + word, topSecret, 1, "x", "y", "SECRET"))
            .getJsonObject(0);
    assertThat(never.getString("status")).isEqualTo("rejected");
    assertThat(never.getString("reason")).doesNotContain("Top secret").doesNotContain("TOP SECRET");
    // the fresh device never held it: it is told nothing at all
    assertThat(fresh.pull(100).toString()).doesNotContain("\"id\":" + secret + ",");
  }

  @Test
  void loweringTheAccreditationRevokesExactlyWhatIsAboveItAndRaisingItDeliversTheRest()
      throws Exception {
    SyncClient tablet = device("director1");
    accredit(tablet, "SECRET//ALPHA");
    tablet.pullAll();
    assertThat(tablet.store().values())
        .extracting(SyncClient.Held::classification)
        .contains("SECRET//ALPHA", "OFFICIAL");

    accredit(tablet, "OFFICIAL");
    JsonArray revokes = tablet.pull(500);

    assertThat(tablet.store().values())
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.classification()).isEqualTo("OFFICIAL"));
    assertThat(revokes)
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.asJsonObject().getString("op")).isEqualTo("revoke"));

    accredit(tablet, "TOP SECRET//ALPHA/BRAVO");
    tablet.pullAll();
    assertThat(tablet.store().values())
        .extracting(SyncClient.Held::classification)
        .contains("TOP SECRET//ALPHA/BRAVO", "SECRET//BRAVO");
  }

  @Test
  void aPullRepeatedFromTheSameCursorGivesTheSameChangesAndCursorsBelongToTheirDevice()
      throws Exception {
    SyncClient a = device("analyst1");
    SyncClient b = device("analyst1");
    accredit(a, "SECRET//ALPHA");
    a.pull(3);
    String cursor = a.cursor();

    HttpResponse<String> first = a.rawPull(cursor, 4);
    HttpResponse<String> again = a.rawPull(cursor, 4);
    HttpResponse<String> foreign = b.rawPull(cursor, 4);
    HttpResponse<String> garbage = a.rawPull("not-a-cursor", 4);
    HttpResponse<String> badLimit = a.rawPull(null, 0);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(Http.json(first).asJsonObject().getJsonArray("changes"))
        .isEqualTo(Http.json(again).asJsonObject().getJsonArray("changes"));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(Http.json(garbage).asJsonObject().getString("parameter")).isEqualTo("since");
    assertThat(badLimit.statusCode()).isEqualTo(400);
  }

  @Test
  void aReplayedPushChangesNothingAndWritingDownOrAboveTheDeviceIsRefused() throws Exception {
    String word = "wombat" + System.nanoTime();
    SyncClient tablet = device("director1");
    accredit(tablet, "SECRET");
    String create =
        SyncClient.createDocument("op-" + word, "Field report " + word, "seen", "SECRET");

    JsonArray first = tablet.push(create);
    JsonArray replay = tablet.push(create);
    JsonArray refused =
        tablet.push(
            SyncClient.createDocument("high-" + word, "High " + word, "x", "TOP SECRET"),
            "{\"opId\":\"odd-" + word + "\",\"type\":\"spaceship\",\"data\":{}}");

    assertThat(first.getJsonObject(0).getString("status")).isEqualTo("applied");
    assertThat(replay).isEqualTo(first);
    long id = first.getJsonObject(0).getJsonNumber("id").longValue();
    long version = first.getJsonObject(0).getJsonNumber("version").longValue();
    assertThat(
            Http.json(Http.get(base, "api/v1/documents", as("director1"))).asJsonArray().stream()
                .filter(d -> d.asJsonObject().getString("title").equals("Field report " + word)))
        .hasSize(1);
    assertThat(refused.getJsonObject(0).getString("status")).isEqualTo("rejected");
    assertThat(refused.getJsonObject(0).getString("reason")).contains("accreditation");
    assertThat(refused.getJsonObject(1).getString("status")).isEqualTo("rejected");
    assertThat(refused.getJsonObject(1).getString("reason")).contains("Unknown type");

    JsonObject down =
        tablet
            .push(SyncClient.editDocument("down-" + word, id, version, "t", "b", "OFFICIAL"))
            .getJsonObject(0);
    assertThat(down.getString("status")).isEqualTo("rejected");
    assertThat(down.getString("reason")).contains("cannot lower");

    // a malformed batch is refused whole: its first, valid op is not applied
    HttpResponse<String> malformed =
        tablet.rawPush(
            "{\"ops\":["
                + SyncClient.createDocument("m1-" + word, "Half " + word, "x", "OFFICIAL")
                + ",{\"type\":\"document\"}]}");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(Http.get(base, "api/v1/documents", as("director1")).body())
        .doesNotContain("Half " + word);
    assertThat(tablet.rawPush("not json").statusCode()).isEqualTo(400);
  }

  @Test
  void twoDevicesEditingOneDocumentOfflineKeepBothSidesUnderTheJoinAndConverge() throws Exception {
    String word = "numbat" + System.nanoTime();
    long id = document("director1", "Shared " + word, "SECRET");
    SyncClient a = device("director1");
    SyncClient b = device("director1");
    accredit(a, "TOP SECRET//ALPHA/BRAVO");
    accredit(b, "TOP SECRET//ALPHA/BRAVO");
    a.pullAll();
    b.pullAll();
    long base0 = a.held("document", id).version();

    JsonObject fromA =
        a.push(
                SyncClient.editDocument(
                    "a-" + word, id, base0, "From A " + word, "A's text", "SECRET"))
            .getJsonObject(0);
    JsonObject fromB =
        b.push(
                SyncClient.editDocument(
                    "b-" + word, id, base0, "From B " + word, "B's text", "SECRET//ALPHA"))
            .getJsonObject(0);

    assertThat(fromA.getString("status")).isEqualTo("applied");
    assertThat(fromB.getString("status")).isEqualTo("conflict");
    assertThat(fromB.getJsonObject("data").getString("title")).isEqualTo("From A " + word);
    assertThat(fromB.getString("classification")).isEqualTo("SECRET//ALPHA");
    a.pullAll();
    b.pullAll();
    assertThat(a.held("document", id)).isEqualTo(b.held("document", id));
    assertThat(a.held("document", id).classification()).isEqualTo("SECRET//ALPHA");
    assertThat(a.held("document", id).data().getString("title")).isEqualTo("From A " + word);

    JsonArray conflicts =
        Http.json(Http.get(base, "api/v1/sync/conflicts", as("director1"))).asJsonArray();
    JsonObject conflict =
        conflicts.stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getJsonNumber("itemId").longValue() == id)
            .findFirst()
            .orElseThrow();
    assertThat(conflict.getString("classification")).isEqualTo("SECRET//ALPHA");
    assertThat(conflict.getJsonObject("device").getString("title")).isEqualTo("From B " + word);
    assertThat(conflict.getJsonObject("server").getString("title")).isEqualTo("From A " + word);
    // nobody else sees someone's conflicts, nor a count of them
    assertThat(Http.get(base, "api/v1/sync/conflicts", as("analyst1")).body()).doesNotContain(word);

    HttpResponse<String> resolved =
        Http.send(
            base,
            "api/v1/sync/conflicts/" + conflict.getJsonNumber("id").longValue() + "/resolution",
            "POST",
            "{\"keep\":\"device\"}",
            as("director1"));
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(204);
    a.pullAll();
    assertThat(a.held("document", id).data().getString("title")).isEqualTo("From B " + word);
    assertThat(a.held("document", id).classification()).isEqualTo("SECRET//ALPHA");
    assertThat(Http.get(base, "api/v1/sync/conflicts", as("director1")).body())
        .doesNotContain("From B " + word);
  }

  @Test
  void assignedRequestsComeToTheCaseWorkersDeviceAndItsNotesAndStatusChangesLand()
      throws Exception {
    HttpResponse<String> submitted =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            "{\"service\":\"road-damage\",\"language\":\"en\",\"answers\":{"
                + "\"kind\":[\"pothole\"],\"dangerous\":[\"no\"],"
                + "\"description\":[\"Sync pothole "
                + System.nanoTime()
                + "\"],"
                + "\"address\":[\"1 High Street\"],\"location\":[\"51.5, -0.12\"]}}",
            "Authorization",
            Http.basic("citizen1", PASSWORD),
            "Idempotency-Key",
            "sync-" + System.nanoTime());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String ref = Http.json(submitted).asJsonObject().getString("reference");
    assertThat(
            Http.send(
                    base,
                    "api/v1/requests/" + ref + "/assignment",
                    "POST",
                    "{\"assignee\":\"caseworker1\"}",
                    as("caseworker1"))
                .statusCode())
        .isEqualTo(200);
    SyncClient phone = device("caseworker1");
    SyncClient other = device("caseworker2");
    accredit(other, "OFFICIAL-SENSITIVE");
    phone.pullAll();
    other.pullAll();

    SyncClient.Held held =
        phone.store().values().stream()
            .filter(h -> h.type().equals("request") && h.data().getString("reference").equals(ref))
            .findFirst()
            .orElseThrow();
    assertThat(other.received().toString()).doesNotContain(ref);

    JsonArray results =
        phone.push(
            "{\"opId\":\"n-"
                + ref
                + "\",\"type\":\"note\",\"data\":{\"request\":\""
                + held.id()
                + "\",\"text\":\"Checked on site\"}}",
            "{\"opId\":\"s-"
                + ref
                + "\",\"type\":\"request\",\"id\":"
                + held.id()
                + ",\"baseVersion\":"
                + held.version()
                + ",\"data\":{\"state\":\"triaged\"}}",
            "{\"opId\":\"t-"
                + ref
                + "\",\"type\":\"request\",\"id\":"
                + held.id()
                + ",\"baseVersion\":"
                + held.version()
                + ",\"data\":{\"state\":\"rejected\"}}");

    assertThat(results.getJsonObject(0).getString("status"))
        .as(results.toString())
        .isEqualTo("applied");
    assertThat(results.getJsonObject(1).getString("status"))
        .as(results.toString())
        .isEqualTo("applied");
    assertThat(results.getJsonObject(2).getString("status")).isEqualTo("conflict");
    JsonObject detail =
        Http.json(Http.get(base, "api/v1/requests/" + ref, as("caseworker1"))).asJsonObject();
    assertThat(detail.getString("state")).isEqualTo("triaged");
    assertThat(detail.toString()).contains("Checked on site");

    // handed to someone else: it leaves this device with a delete
    assertThat(
            Http.send(
                    base,
                    "api/v1/requests/" + ref + "/assignment",
                    "POST",
                    "{\"assignee\":\"caseworker2\"}",
                    as("caseworker1"))
                .statusCode())
        .isEqualTo(200);
    JsonArray after = phone.pull(100);
    assertThat(after)
        .map(JsonValue::asJsonObject)
        .filteredOn(c -> c.getJsonNumber("id").longValue() == held.id())
        .extracting(c -> c.getString("op"))
        .containsExactly("delete");
  }

  @Test
  void wipedSuspendedAndSilentDevicesAreCutOffAndOnlyAdminsManageDevices() throws Exception {
    SyncClient wiped = device("analyst1");
    SyncClient suspended = device("analyst1");
    wiped.pull(10);

    assertThat(
            Http.send(base, "api/v1/devices/" + wiped.id() + "/wipe", "POST", "{}", as("analyst1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            Http.send(base, "api/v1/devices/" + wiped.id() + "/wipe", "POST", "{}", as("admin1"))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> gone = wiped.rawPull(null, 10);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(Http.json(gone).asJsonObject().getString("instruction")).isEqualTo("wipe");
    assertThat(wiped.rawPull(null, 10).statusCode()).isEqualTo(410);
    assertThat(wiped.rawPush("{\"ops\":[]}").statusCode()).isEqualTo(410);

    Http.send(base, "api/v1/devices/" + suspended.id() + "/suspension", "POST", "{}", as("admin1"));
    assertThat(suspended.rawPull(null, 10).statusCode()).isEqualTo(403);
    Http.send(base, "api/v1/devices/" + suspended.id() + "/approval", "POST", "{}", as("admin1"));
    assertThat(suspended.rawPull(null, 10).statusCode()).isEqualTo(200);

    HttpResponse<String> nobody = new SyncClient(base, 0, "no-such-token").rawPull(null, 10);
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(nobody.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

    try {
      assertThat(
              Http.send(
                      base,
                      "api/v1/devices/grace-period",
                      "PUT",
                      "{\"gracePeriod\":\"PT1S\"}",
                      as("admin1"))
                  .statusCode())
          .isEqualTo(200);
      Thread.sleep(2100);
      HttpResponse<String> stale = suspended.rawPull(null, 10);
      assertThat(stale.statusCode()).isEqualTo(403);
      assertThat(stale.body()).contains("approve");
      Http.send(base, "api/v1/devices/" + suspended.id() + "/approval", "POST", "{}", as("admin1"));
      assertThat(suspended.rawPull(null, 10).statusCode()).isEqualTo(200);
    } finally {
      Http.send(
          base, "api/v1/devices/grace-period", "PUT", "{\"gracePeriod\":\"PT72H\"}", as("admin1"));
    }
    assertThat(
            Http.send(
                    base,
                    "api/v1/devices/grace-period",
                    "PUT",
                    "{\"gracePeriod\":\"soon\"}",
                    as("admin1"))
                .statusCode())
        .isEqualTo(400);

    String audit = Http.get(base, "api/v1/audit?action=DEVICE_WIPED", as("auditor1")).body();
    assertThat(audit).contains("device:" + wiped.id());
    assertThatThrownBy(() -> wiped.pull(1)).isInstanceOf(SyncClient.SyncRefused.class);
  }

  @Test
  void loweringTheUsersClearanceRevokesOnTheirDevicesAtTheNextPull() throws Exception {
    String user = "fieldtester" + System.nanoTime();
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/employees",
            "POST",
            "{\"username\":\""
                + user
                + "\",\"password\":\"Correct-Horse-9\",\"clearance\":\"SECRET\",\"roles\":[]}",
            as("admin1"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    SyncClient tablet = SyncClient.register(base, user, "Correct-Horse-9", "tablet");
    accredit(tablet, "SECRET");
    tablet.pullAll();
    List<Long> secret =
        tablet.store().values().stream()
            .filter(h -> h.classification().equals("SECRET"))
            .map(SyncClient.Held::id)
            .toList();
    assertThat(secret).isNotEmpty();

    HttpResponse<String> lowered =
        Http.send(
            base,
            "api/v1/employees/" + user,
            "PUT",
            "{\"clearance\":\"OFFICIAL\",\"roles\":[]}",
            as("admin1"));
    assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(200);
    tablet.pullAll();

    assertThat(tablet.store().values())
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.classification()).isEqualTo("OFFICIAL"));
    assertThat(
            tablet.received().stream()
                .filter(c -> c.getString("op").equals("revoke"))
                .map(c -> c.getJsonNumber("id").longValue()))
        .containsAll(secret);
  }
}
