package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicportal.web.LeakOracle.Kind.DOCUMENT;
import static org.civicportal.web.LeakOracle.Kind.NOTE;
import static org.civicportal.web.LeakOracle.Kind.REQUEST;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicportal.sync.client.SyncClient;
import org.civicportal.web.LeakOracle.Clearance;
import org.civicportal.web.LeakOracle.Label;
import org.civicportal.web.LeakOracle.Planted;
import org.civicportal.web.LeakOracle.Who;
import org.civicportal.web.LeakProbe.Canary;
import org.civicportal.web.LeakProbe.Probe;
import org.civicportal.web.LeakProbe.ReadPath;
import org.civicportal.web.LeakProbe.Reader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The standing leak probe of issue 14: canary records with unguessable words at a spread of labels,
 * then every read path the portal has, for every kind of reader, checked against {@link LeakOracle}
 * (a model of the rules written apart from the portal's code). A canary the reader may not read
 * must appear nowhere: not in hits, snippets, titles, totals, facet counts, suggestions,
 * corrections, lists, exports, pages, files, receipts, Open311, the audit log, synced changes or
 * e-mail; and the address of a record they may not read answers as if it did not exist. A canary
 * they may read must be found where it belongs, so the probe cannot pass on empty answers.
 *
 * <p>A new read path is one line in {@link #PATHS}; a new reader one line in {@link #readers}. Run
 * it alone with {@code ./mvnw -B -pl portal-web -am verify -Dit.test=LeakProbeIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LeakProbeIT {
  static final String PASSWORD = "Demo!2026";
  static final String SAMPLESTAN = "samplestan.localhost";
  static final String TOP = "TOP SECRET//ALPHA/BRAVO//NOFORN";

  /**
   * Every read path, each with how it is probed. {@code p.each(kinds, c -> ...)} runs a probe per
   * canary; {@code p.single} is a record's own address (readable: 200 with its word; otherwise the
   * same answer as an address that does not exist, and 404 from the API, never 403); {@code p.list}
   * must show each canary of those kinds the reader may read.
   */
  static final List<ReadPath> PATHS =
      List.of(
          new ReadPath("REST documents", p -> p.list("api/v1/documents", Set.of(DOCUMENT))),
          new ReadPath(
              "REST document",
              p -> p.each(Set.of(DOCUMENT), c -> p.single("api/v1/documents/%s", c, c.id()))),
          new ReadPath(
              "REST attachments",
              p ->
                  p.each(
                      Set.of(DOCUMENT),
                      c -> p.single("api/v1/documents/%s/attachments", c, c.id()))),
          new ReadPath(
              "REST attachment file",
              p ->
                  p.each(
                      Set.of(DOCUMENT),
                      c ->
                          p.single(
                              "api/v1/documents/%s/attachments/" + c.attachment(), c, c.id()))),
          new ReadPath("REST search each word", p -> p.each(Probe.ALL, p::searchWord)),
          new ReadPath("REST search shared word", Probe::searchShared),
          new ReadPath("REST suggestions", p -> p.each(Probe.ALL, p::suggestions)),
          new ReadPath("REST did-you-mean", p -> p.each(Probe.ALL, p::didYouMean)),
          new ReadPath("REST saved search", Probe::savedSearch),
          new ReadPath("REST requests", p -> p.list("api/v1/requests", Set.of(REQUEST))),
          new ReadPath(
              "REST request",
              p -> p.each(Set.of(REQUEST), c -> p.request("api/v1/requests/%s", c))),
          new ReadPath(
              "REST request CSV", p -> p.list("api/v1/requests/export.csv", Set.of(REQUEST))),
          new ReadPath("REST dashboard", p -> p.look("api/v1/requests/dashboard")),
          new ReadPath("REST audit", Probe::audit),
          new ReadPath(
              "Open311 own requests", p -> p.list("open311/v2/requests.json", Set.of(REQUEST))),
          new ReadPath(
              "Open311 request",
              p -> p.each(Set.of(REQUEST), c -> p.publicRequest("open311/v2/requests/%s.json", c))),
          new ReadPath("Open311 key's requests", Probe::open311Key),
          new ReadPath(
              "PDF receipt",
              p -> p.each(Set.of(REQUEST), c -> p.publicRequest("requests/receipt?ref=%s", c))),
          new ReadPath(
              "page request",
              p -> p.each(Set.of(REQUEST), c -> p.publicRequest("requests/view?ref=%s", c))),
          new ReadPath("page my requests", p -> p.citizenList("requests/mine")),
          new ReadPath("page staff documents", p -> p.list("staff/documents", Set.of(DOCUMENT))),
          new ReadPath(
              "page staff document",
              p -> p.each(Set.of(DOCUMENT), c -> p.single("staff/document?id=%s", c, c.id()))),
          new ReadPath("page staff search", p -> p.each(Probe.ALL, p::staffSearchPage)),
          new ReadPath("page staff search shared", Probe::staffSearchShared),
          new ReadPath("page public search", p -> p.each(Probe.ALL, p::publicSearchPage)),
          new ReadPath(
              "page staff request",
              p -> p.each(Set.of(REQUEST), c -> p.request("staff/request?ref=%s", c))),
          new ReadPath("page staff requests", p -> p.caseWorkerList("staff/requests")),
          new ReadPath("page audit", p -> p.look("staff/audit")),
          new ReadPath("sync", Probe::sync),
          new ReadPath("e-mail", Probe::mail));

  static GreenMail mail;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void smtpUp() {
    // the portal of the IT run sends its mail here (ItDatabase); the probe reads what a citizen
    // gets
    mail =
        new GreenMail(
            new ServerSetup(ItDatabase.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
  }

  @AfterAll
  static void smtpDown() {
    mail.stop();
  }

  @Test
  void noReaderLearnsAnythingTheyMayNotReadOnAnyReadPath_issue14() throws Exception {
    long started = System.nanoTime();
    LeakProbe.World world = plant();
    List<Reader> readers = readers(world);
    long setUp = System.nanoTime();

    LeakProbe.Summary summary = new LeakProbe.Summary(PATHS);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (Reader reader : readers) {
        runs.add(pool.submit(() -> summary.add(LeakProbe.run(base, world, reader, PATHS, mail))));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
    System.out.println(
        summary.report(
            Duration.ofNanos(setUp - started), Duration.ofNanos(System.nanoTime() - setUp)));

    assertThat(summary.failures()).isEmpty();
    assertThat(summary.positives())
        .as("canaries found where their readers may read them")
        .isPositive();
  }

  // ---- the canaries ----

  private LeakProbe.World plant() throws Exception {
    SecureRandom random = new SecureRandom();
    String shared = LeakProbe.word(random);
    // the tenant's default, set so that the oracle's rule holds whatever ran before
    ok(
        Http.send(
            base,
            "api/v1/classification/unmarked-release",
            "PUT",
            "{\"releasable\":false}",
            as("admin1")),
        200);
    List<Canary> canaries = new ArrayList<>();
    for (String marking :
        List.of(
            "OFFICIAL",
            "OFFICIAL-SENSITIVE",
            "SECRET",
            "SECRET//ALPHA",
            "SECRET//BRAVO",
            "TOP SECRET//ALPHA/BRAVO",
            "OFFICIAL//NOFORN",
            "SECRET//REL TO DEMOLAND, SAMPLESTAN",
            "SECRET//ALPHA//REL TO DEMOLAND, SAMPLESTAN")) {
      canaries.add(document(random, shared, "demoland", marking, "transport", new String[0]));
    }
    canaries.add(
        document(
            random,
            shared,
            "samplestan",
            "UNCLASSIFIED",
            "wildlife",
            new String[] {"Host", SAMPLESTAN}));
    canaries.addAll(request(random, shared));

    awaitIndexed("director1", new String[0], shared, 9);
    String requestWord =
        canaries.stream()
            .filter(c -> c.record().kind() == REQUEST)
            .findFirst()
            .orElseThrow()
            .word();
    awaitIndexed("caseworker1", new String[0], requestWord, 1);
    awaitIndexed("director1", new String[] {"Host", SAMPLESTAN}, shared, 1);
    return new LeakProbe.World(List.copyOf(canaries), shared);
  }

  private Canary document(
      SecureRandom random,
      String shared,
      String tenant,
      String marking,
      String agency,
      String[] host)
      throws Exception {
    String word = LeakProbe.word(random);
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\"Probe "
                + word
                + " "
                + shared
                + "\",\"body\":\"The "
                + word
                + " plan, "
                + shared
                + ".\",\"agency\":\""
                + agency
                + "\",\"classification\":\""
                + marking
                + "\"}",
            LeakProbe.concat(host, as("director1")));
    ok(created, 201);
    long id = Http.json(created).asJsonObject().getJsonNumber("id").longValue();
    HttpResponse<String> file =
        Http.sendTyped(
            base,
            "api/v1/documents/" + id + "/attachments?name=" + word + ".txt",
            "POST",
            "text/plain",
            "Attached: the " + word + " annex, " + shared + ".",
            LeakProbe.concat(host, as("director1")));
    ok(file, 201);
    long attachment = Http.json(file).asJsonObject().getJsonNumber("id").longValue();
    Planted record =
        new Planted(
            DOCUMENT,
            Label.of(tenant, marking),
            agency,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return new Canary(tenant + " " + marking, word, record, id, attachment, "");
  }

  /** Citizen1's road-damage request (transport, OFFICIAL) and caseworker1's note above it. */
  private List<Canary> request(SecureRandom random, String shared) throws Exception {
    String word = LeakProbe.word(random);
    String noteWord = LeakProbe.word(random);
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            "{\"service\":\"road-damage\",\"language\":\"en\",\"answers\":{"
                + "\"kind\":[\"pothole\"],\"dangerous\":[\"no\"],"
                + "\"description\":[\"A hole by the "
                + word
                + " sign, "
                + shared
                + "\"],\"address\":[\"1 High Street\"],\"location\":[\"51.5, -0.12\"]}}",
            as("citizen1"));
    ok(created, 201);
    String ref = Http.json(created).asJsonObject().getString("reference");
    String path = "api/v1/requests/" + ref;
    ok(
        Http.send(
            base,
            path + "/assignment",
            "POST",
            "{\"assignee\":\"caseworker1\"}",
            as("caseworker1")),
        200);
    ok(
        Http.send(
            base,
            path + "/notes",
            "POST",
            "{\"body\":\"The "
                + noteWord
                + " contractor owes us, "
                + shared
                + ".\",\"classification\":\"OFFICIAL-SENSITIVE\"}",
            as("caseworker1")),
        200);
    // after the note, two mails to the citizen: a status change and a message
    ok(
        Http.send(
            base,
            path + "/transitions",
            "POST",
            "{\"state\":\"triaged\",\"note\":\"Seen by the roads team.\"}",
            as("caseworker1")),
        200);
    ok(
        Http.send(
            base, path + "/messages", "POST", "{\"body\":\"We are on it.\"}", as("caseworker1")),
        200);
    Label official = Label.of("demoland", "OFFICIAL");
    Planted request =
        new Planted(
            REQUEST,
            official,
            "transport",
            Optional.of("citizen1"),
            Optional.of("caseworker1"),
            Optional.empty());
    Planted note =
        new Planted(
            NOTE,
            Label.of("demoland", "OFFICIAL-SENSITIVE"),
            "transport",
            Optional.of("citizen1"),
            Optional.of("caseworker1"),
            Optional.of(official));
    return List.of(
        new Canary("request", word, request, 0, 0, ref),
        new Canary("note OFFICIAL-SENSITIVE", noteWord, note, 0, 0, ref));
  }

  private void awaitIndexed(String user, String[] host, String word, long total)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long seen = -1;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          Http.get(
              base, "api/v1/search?lang=en&size=1&q=" + word, LeakProbe.concat(host, as(user)));
      seen = Http.json(r).asJsonObject().getJsonNumber("total").longValue();
      if (seen >= total) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(user + " found " + seen + " of the " + total + " canaries in time");
  }

  // ---- the readers ----

  private List<Reader> readers(LeakProbe.World world) throws Exception {
    String[] samplestan = {"Host", SAMPLESTAN};
    Clearance top = new Clearance(3, Set.of("ALPHA", "BRAVO"), "DEMOLAND");
    String liaison = "liaison" + (System.nanoTime() % 1_000_000);
    String liaisonPassword = "correct horse battery staple";
    ok(
        Http.send(
            base,
            "api/v1/employees",
            "POST",
            "{\"username\":\""
                + liaison
                + "\",\"password\":\""
                + liaisonPassword
                + "\",\"clearance\":\"SECRET//ALPHA\",\"nationality\":\"samplestan\",\"roles\":[]}",
            as("security1")),
        201);

    Reader director = Reader.session(base, "director1", PASSWORD, new String[0]);
    List<Reader> readers =
        new ArrayList<>(
            List.of(
                Reader.anonymous(base, Who.nobody("demoland"), new String[0]),
                Reader.session(base, "citizen1", PASSWORD, new String[0])
                    .as(Who.citizen("demoland", "citizen1")),
                Reader.token(base, "officer1", PASSWORD, new String[0])
                    .as(employee("officer1", 0, Set.of(), "DEMOLAND")),
                Reader.basic(base, "caseworker2", PASSWORD, new String[0])
                    .named("caseworker2 (basic)")
                    .as(employee("caseworker2", 0, Set.of(), "DEMOLAND").caseWorkerOf("transport")),
                Reader.session(base, "caseworker1", PASSWORD, new String[0])
                    .as(
                        employee("caseworker1", 1, Set.of(), "DEMOLAND")
                            .caseWorkerOf("civil-records", "transport")),
                Reader.token(base, "analyst1", PASSWORD, new String[0])
                    .as(employee("analyst1", 2, Set.of("ALPHA"), "DEMOLAND")),
                director.as(Who.employee("demoland", "director1", top)),
                Reader.token(base, "auditor1", PASSWORD, new String[0])
                    .as(Who.employee("demoland", "auditor1", top).asAuditor()),
                Reader.basic(base, liaison, liaisonPassword, new String[0])
                    .named("foreign national (" + liaison + ")")
                    .as(employee(liaison, 2, Set.of("ALPHA"), "SAMPLESTAN")),
                Reader.session(base, "director1", PASSWORD, samplestan)
                    .named("samplestan director1")
                    .as(
                        Who.employee(
                            "samplestan",
                            "director1",
                            new Clearance(4, Set.of("ALPHA", "BRAVO"), "SAMPLESTAN")))));
    for (Reader r : readers) {
      if (r.who().employee()) {
        r.withDevice(device(r));
        r.withSavedSearch(savedSearch(r, world.shared()));
      }
    }
    // another tenant's user: Demoland's session, token and a Demoland-only password on Samplestan
    Reader demolandToken = Reader.token(base, "director1", PASSWORD, new String[0]);
    readers.add(
        director
            .sentTo(samplestan)
            .named("demoland director1 session on samplestan")
            .as(Who.nobody("samplestan"))
            .withDevice(director.device().sentWith(samplestan)));
    readers.add(
        demolandToken
            .sentTo(samplestan)
            .named("demoland director1 token on samplestan")
            .as(Who.nobody("samplestan"))
            .refused());
    // each refused password counts against 127.0.0.1 on Samplestan (30 refuse the address for
    // everyone there): this reader tries only a few paths
    readers.add(
        Reader.basic(base, liaison, liaisonPassword, samplestan)
            .named("demoland-only password on samplestan")
            .as(Who.nobody("samplestan"))
            .refused()
            .onlyOn(Set.of("REST documents", "REST search shared word", "page staff documents")));
    return readers;
  }

  private static Who employee(String user, int level, Set<String> compartments, String nation) {
    return Who.employee("demoland", user, new Clearance(level, compartments, nation));
  }

  private SyncClient device(Reader r) throws Exception {
    SyncClient device =
        SyncClient.register(
            base, r.username(), r.password(), "leak probe " + r.name(), r.hostHeaders());
    ok(
        Http.send(
            base,
            "api/v1/devices/" + device.id(),
            "PUT",
            "{\"accreditation\":\"" + TOP + "\"}",
            LeakProbe.concat(r.hostHeaders(), as("security1"))),
        200);
    return device;
  }

  private long savedSearch(Reader r, String shared) throws Exception {
    HttpResponse<String> saved =
        Http.send(
            base,
            "api/v1/search/saved",
            "POST",
            "{\"name\":\"leak probe\",\"query\":\"q=" + shared + "\"}",
            LeakProbe.concat(
                r.hostHeaders(), "Authorization", Http.basic(r.username(), r.password())));
    ok(saved, 201);
    return Http.json(saved).asJsonObject().getJsonNumber("id").longValue();
  }

  private static String[] as(String user) {
    return new String[] {"Authorization", Http.basic(user, PASSWORD)};
  }

  private static void ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as(response.request().uri() + " " + response.body())
        .isEqualTo(status);
  }
}
