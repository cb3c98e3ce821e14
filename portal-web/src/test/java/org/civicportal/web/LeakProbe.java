package org.civicportal.web;

import static org.civicportal.web.LeakOracle.Kind.DOCUMENT;
import static org.civicportal.web.LeakOracle.Kind.NOTE;
import static org.civicportal.web.LeakOracle.Kind.REQUEST;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicportal.sync.client.SyncClient;
import org.civicportal.web.LeakOracle.Kind;
import org.civicportal.web.LeakOracle.Label;
import org.civicportal.web.LeakOracle.Planted;
import org.civicportal.web.LeakOracle.Who;

/**
 * The machinery of {@link LeakProbeIT}: readers and how they authenticate, one probe run per reader
 * over every read path, the checks every answer gets, and the summary. Every answer is checked for
 * every canary the reader may not read (its word, and a request's reference, in the body, in
 * extracted PDF text and in the headers) and for every marking it shows (headers, JSON {@code
 * classification} fields, portion marks), which must be one the reader may read.
 */
final class LeakProbe {
  private LeakProbe() {}

  private static final String LETTERS = "bcdfghjkmnpqrtvwxz";
  private static final Pattern JSON_MARKING =
      Pattern.compile("\"classification\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern PORTION_MARK =
      Pattern.compile("class=\"portion-mark\">\\(([^)<]+)\\)");
  private static final Pattern RESULT_COUNT = Pattern.compile("id=\"result-count\">(\\d+) result");
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  /**
   * An unguessable-looking word the analyzers keep as it is (consonants, then digits: no stemmer
   * touches it), lower case: queries send it in upper case, so an echo of the query is never
   * mistaken for a leak (the index lower-cases what it is asked).
   */
  static String word(SecureRandom random) {
    StringBuilder w = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return w.append(10 + random.nextInt(90)).toString();
  }

  static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  static String upper(String word) {
    return word.toUpperCase(Locale.ROOT);
  }

  /** A planted record: its unique word, its id (documents), file and reference (requests). */
  record Canary(String name, String word, Planted record, long id, long attachment, String ref) {
    /** What would betray it: its word, and for a request its reference. */
    List<String> markers() {
      return record.kind() == REQUEST ? List.of(word, ref) : List.of(word);
    }

    /** The first letters, which nothing else planted starts with, for suggestions. */
    String stem() {
      return word.substring(0, 7);
    }

    /** The word with one letter changed, for "did you mean". */
    String misspelt() {
      char c = word.charAt(5);
      char other = LETTERS.charAt((LETTERS.indexOf(c) + 1) % LETTERS.length());
      return word.substring(0, 5) + other + word.substring(6);
    }
  }

  /** Everything planted, and the word every canary shares. */
  record World(List<Canary> canaries, String shared) {}

  /** A read path: its name and how one reader's probe goes through it. */
  record ReadPath(String name, Consumer<Probe> probe) {}

  /** One answer as a reader got it: the text is the body, or a PDF's text. */
  record Seen(String path, int status, Map<String, List<String>> headers, String text) {}

  /** Someone who reads: how they reach the portal, and who the oracle says they are there. */
  static final class Reader {
    private final URL base;
    private final HttpClient client;
    private final CookieManager cookies;
    private final String username;
    private final String password;
    private final String[] host;
    private final String[] auth;
    private String name;
    private Who who;
    private boolean refused;
    private Set<String> onlyOn;
    private SyncClient device;
    private long savedSearch;

    private Reader(
        URL base,
        CookieManager cookies,
        String username,
        String password,
        String[] host,
        String[] auth) {
      this.base = base;
      this.cookies = cookies;
      this.client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .cookieHandler(cookies)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      this.username = username;
      this.password = password;
      this.host = host;
      this.auth = auth;
      this.name = username;
    }

    static Reader anonymous(URL base, Who who, String[] host) {
      return new Reader(base, new CookieManager(), "", "", host, new String[0])
          .named("anonymous")
          .as(who);
    }

    static Reader basic(URL base, String user, String password, String[] host) {
      return new Reader(
          base,
          new CookieManager(),
          user,
          password,
          host,
          new String[] {"Authorization", Http.basic(user, password)});
    }

    /** A read-only API token of the user, made with their password, sent as Bearer. */
    static Reader token(URL base, String user, String password, String[] host) throws Exception {
      HttpResponse<String> issued =
          Http.send(
              base,
              "api/v1/tokens",
              "POST",
              "{\"name\":\"leak probe\",\"scope\":\"read\",\"expiresInDays\":1}",
              concat(host, "Authorization", Http.basic(user, password)));
      if (issued.statusCode() != 201) {
        throw new IllegalStateException(user + ": no token: " + issued.body());
      }
      String token = Http.json(issued).asJsonObject().getString("token");
      return new Reader(
              base,
              new CookieManager(),
              user,
              password,
              host,
              new String[] {"Authorization", "Bearer " + token})
          .named(user + " (token)");
    }

    /** Signs in on the sign-in page, as a browser does; then only the session cookie is sent. */
    static Reader session(URL base, String user, String password, String[] host) throws Exception {
      Reader r = new Reader(base, new CookieManager(), user, password, host, new String[0]);
      HttpResponse<String> page = r.client.send(r.request("login").build(), utf8());
      Matcher viewState = VIEW_STATE.matcher(page.body());
      if (!viewState.find()) {
        throw new IllegalStateException("no sign-in form: " + page.statusCode());
      }
      String form =
          Map.of(
                  "loginForm",
                  "loginForm",
                  "loginForm:username",
                  user,
                  "loginForm:password",
                  password,
                  "loginForm:signIn",
                  "Sign in",
                  "jakarta.faces.ViewState",
                  viewState.group(1))
              .entrySet()
              .stream()
              .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
              .collect(Collectors.joining("&"));
      // the origin of the page the browser addressed: with a Host header of its own (no port),
      // that host on the default port
      String origin =
          host.length > 0
              ? "http://" + host[1]
              : "http://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
      HttpResponse<String> signedIn =
          r.client.send(
              r.request("login")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Origin", origin)
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              utf8());
      if (signedIn.statusCode() != 302) {
        throw new IllegalStateException(user + " could not sign in: " + signedIn.statusCode());
      }
      return r.named(user + " (session)");
    }

    /**
     * The same credentials (a copy of the session cookie, the same header) sent with another host
     * name; what the copy is given does not touch this reader's own cookies.
     */
    Reader sentTo(String[] otherHost) {
      CookieManager copy = new CookieManager();
      URI uri = URI.create(base.toString());
      for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
        copy.getCookieStore().add(uri, (HttpCookie) cookie.clone());
      }
      return new Reader(base, copy, username, password, otherHost, auth);
    }

    Reader named(String name) {
      this.name = name;
      return this;
    }

    Reader as(Who who) {
      this.who = who;
      return this;
    }

    /** Its credentials are not good on the host it reads: every answer must be 401. */
    Reader refused() {
      this.refused = true;
      return this;
    }

    Reader onlyOn(Set<String> paths) {
      this.onlyOn = paths;
      return this;
    }

    Reader withDevice(SyncClient device) {
      this.device = device;
      return this;
    }

    Reader withSavedSearch(long id) {
      this.savedSearch = id;
      return this;
    }

    String name() {
      return name;
    }

    Who who() {
      return who;
    }

    String username() {
      return username;
    }

    String password() {
      return password;
    }

    String[] hostHeaders() {
      return host.clone();
    }

    SyncClient device() {
      return device;
    }

    boolean probes(ReadPath path) {
      return onlyOn == null || onlyOn.contains(path.name());
    }

    HttpRequest.Builder request(String path) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
              .timeout(Duration.ofSeconds(60));
      String[] headers = concat(host, auth);
      if (headers.length > 0) {
        b.headers(headers);
      }
      return b;
    }

    HttpResponse<byte[]> get(String path) {
      try {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new IllegalStateException(name + " GET " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static HttpResponse.BodyHandler<String> utf8() {
      return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }
  }

  /** What one reader's run found on each path. */
  record Cell(int requests, int checks, int positives, List<String> failures) {}

  /** One reader's run over every path. */
  record Run(String reader, Map<String, Cell> cells, List<String> warnings) {}

  static Run run(URL base, World world, Reader reader, List<ReadPath> paths, GreenMail mail) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (ReadPath path : paths) {
      if (!reader.probes(path)) {
        continue;
      }
      Probe p = new Probe(world, reader, path.name(), mail, warnings);
      try {
        path.probe().accept(p);
      } catch (RuntimeException e) {
        p.fail("the probe broke: " + e);
      }
      cells.put(path.name(), new Cell(p.requests, p.checks, p.positives, p.failures));
    }
    return new Run(reader.name(), cells, warnings);
  }

  /** A reader on one path: the requests it makes and the checks each answer gets. */
  static final class Probe {
    static final Set<Kind> ALL = Set.of(DOCUMENT, REQUEST, NOTE);
    private static final String NO_DOCUMENT = "999999999";
    private static final String NO_REQUEST = "DEM-2026-999999";

    private final World world;
    private final Reader reader;
    private final Who who;
    private final String path;
    private final GreenMail mail;
    private final List<String> warnings;
    private final Map<String, Integer> absentStatus = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int checks;
    private int positives;

    Probe(World world, Reader reader, String path, GreenMail mail, List<String> warnings) {
      this.world = world;
      this.reader = reader;
      this.who = reader.who();
      this.path = path;
      this.mail = mail;
      this.warnings = warnings;
    }

    // ---- the probes named in the table ----

    void each(Set<Kind> kinds, Consumer<Canary> probe) {
      world.canaries().stream().filter(c -> kinds.contains(c.record().kind())).forEach(probe);
    }

    /** An answer with no expectation of its own: only the checks every answer gets. */
    Seen look(String address) {
      return get(address);
    }

    /** A list must show every canary of these kinds that the reader may read. */
    void list(String address, Set<Kind> kinds) {
      showsWhatTheyRead(get(address), c -> kinds.contains(c.record().kind()));
    }

    /** A citizen's own list: it must show their requests. */
    void citizenList(String address) {
      Seen s = get(address);
      if (who.signedIn() && !who.employee()) {
        showsWhatTheyRead(s, c -> c.record().kind() == REQUEST);
      }
    }

    /** A case worker's queue: it must show their agencies' requests. */
    void caseWorkerList(String address) {
      Seen s = get(address);
      if (!who.caseAgencies().isEmpty()) {
        showsWhatTheyRead(s, c -> c.record().kind() == REQUEST);
      }
    }

    /**
     * A record's own address: readable, it answers 200 with the record's word; otherwise exactly as
     * an address with no record behind it, and never 200 (from the API: 404, never 403).
     */
    Seen single(String pattern, Canary c, Object id) {
      Seen s = get(pattern.formatted(id));
      if (!open()) {
        return s;
      }
      if (LeakOracle.reads(who, c.record())) {
        if (expect(s.status() == 200, s, "answers 200 to a reader who may read " + c.name())) {
          found(s, c);
        }
      } else {
        String absent = pattern.formatted(c.record().kind() == DOCUMENT ? NO_DOCUMENT : NO_REQUEST);
        int nothing = absentStatus.computeIfAbsent(absent, a -> get(a).status());
        expect(s.status() != 200, s, "does not answer 200 for " + c.name());
        expect(
            s.status() == nothing,
            s,
            "answers " + s.status() + " for " + c.name() + " as for no record (" + nothing + ")");
        if (pattern.startsWith("api/") && who.signedIn()) {
          expect(s.status() == 404, s, "answers 404 (never 403) for " + c.name());
        }
      }
      return s;
    }

    /** A request's page or API answer: its notes shown only to who may read them. */
    void request(String pattern, Canary c) {
      Seen s = single(pattern, c, c.ref());
      if (open() && LeakOracle.reads(who, c.record()) && s.status() == 200) {
        for (Canary note : notesOf(c)) {
          if (LeakOracle.reads(who, note.record())) {
            found(s, note);
          }
        }
      }
    }

    /** What a citizen sees of a request (Open311, receipt, their page): never an internal note. */
    void publicRequest(String pattern, Canary c) {
      Seen s = single(pattern, c, c.ref());
      for (Canary note : notesOf(c)) {
        expect(!s.text().contains(note.word()), s, "never shows the internal note");
      }
    }

    void searchWord(Canary c) {
      Seen s = get("api/v1/search?lang=en&size=50&q=" + upper(c.word()));
      counts(s, LeakOracle.finds(who, c.record()) ? List.of(c) : List.of());
    }

    void searchShared() {
      counts(get("api/v1/search?lang=en&size=50&q=" + upper(world.shared())), findable());
    }

    void suggestions(Canary c) {
      Seen s = get("api/v1/search/suggestions?lang=en&q=" + upper(c.stem()));
      if (open() && LeakOracle.finds(who, c.record())) {
        found(s, c);
      }
    }

    void didYouMean(Canary c) {
      Seen s = get("api/v1/search?lang=en&q=" + upper(c.misspelt()));
      if (open() && LeakOracle.finds(who, c.record())) {
        JsonValue offered = json(s).map(j -> j.get("didYouMean")).orElse(JsonValue.NULL);
        expect(offered.toString().equals("\"" + c.word() + "\""), s, "corrects to " + c.name());
        positives++;
      }
    }

    void savedSearch() {
      if (reader.savedSearch == 0) {
        return;
      }
      counts(get("api/v1/search/saved/" + reader.savedSearch + "/results?lang=en"), findable());
    }

    /** The staff search page: its count, its hits and its correction, for each word. */
    void staffSearchPage(Canary c) {
      boolean finds = LeakOracle.finds(who, c.record());
      Seen s = get("staff/search?q=" + upper(c.word()));
      pageCount(s, finds ? List.of(c) : List.of());
      Seen typo = get("staff/search?q=" + c.misspelt());
      if (finds && open() && who.employee()) {
        found(typo, c);
      }
    }

    void staffSearchShared() {
      pageCount(get("staff/search?q=" + upper(world.shared())), findable());
    }

    /** The public search page finds no staff record for someone who is not staff. */
    void publicSearchPage(Canary c) {
      Seen s = get("search?q=" + upper(c.word()));
      Matcher count = RESULT_COUNT.matcher(s.text());
      if (open() && !who.employee() && count.find()) {
        expect(count.group(1).equals("0"), s, "counts no staff record");
      }
      get("search?q=" + c.misspelt());
    }

    /** The audit log: auditors only (others signed in 403, anonymous 401). */
    void audit() {
      Seen s = get("api/v1/audit?size=100");
      if (open()) {
        int expected = who.auditor() ? 200 : who.signedIn() ? 403 : 401;
        expect(s.status() == expected, s, "answers " + expected);
      }
    }

    /** An Open311 client sees the requests its key submitted: none of ours. */
    void open311Key() {
      Seen s = get("open311/v2/requests.json?api_key=demo-open311-key");
      for (Canary c : world.canaries()) {
        for (String m : c.markers()) {
          expect(!s.text().contains(m), s, "shows nothing of " + c.name());
        }
      }
    }

    /**
     * The reader's device, accredited at the top of the scheme, pulls everything; a reader without
     * a device of their own asks with their own credentials, or sends another tenant's device
     * token, and is refused.
     */
    void sync() {
      SyncClient device = reader.device;
      if (device != null && who.employee() && !reader.refused) {
        try {
          device.pullAll();
        } catch (SyncClient.SyncRefused e) {
          fail("the device's pull was refused: " + e.getMessage());
          return;
        }
        Seen s = new Seen("sync changes", 200, Map.of(), device.received().toString());
        requests++;
        check(s);
        world.canaries().stream()
            .filter(c -> LeakOracle.holds(who, c.record()))
            .forEach(c -> found(s, c));
        return;
      }
      Seen s;
      if (device != null) {
        HttpResponse<String> r = device.rawPull(null, 500);
        s =
            new Seen(
                "device token: api/v1/sync/changes", r.statusCode(), r.headers().map(), r.body());
        requests++;
        check(s);
      } else {
        s = get("api/v1/sync/changes?limit=500");
      }
      expect(s.status() == 401 || s.status() == 403, s, "refuses to sync");
    }

    /** Mail a citizen gets about their request: never a note, never a document. */
    void mail() {
      if (!who.signedIn() || who.employee()) {
        return;
      }
      List<Canary> own =
          world.canaries().stream()
              .filter(c -> c.record().kind() == REQUEST && LeakOracle.reads(who, c.record()))
              .toList();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      List<String> texts = mails();
      while (own.stream().anyMatch(c -> texts.stream().noneMatch(t -> t.contains(c.ref())))
          && System.nanoTime() < deadline) {
        sleep();
        texts.clear();
        texts.addAll(mails());
      }
      for (String text : texts) {
        Seen s = new Seen("mail", 200, Map.of(), text);
        requests++;
        check(s);
        world.canaries().stream()
            .filter(c -> c.record().kind() == NOTE)
            .forEach(n -> expect(!text.contains(n.word()), s, "never carries a note"));
      }
      for (Canary c : own) {
        checks++;
        if (texts.stream().anyMatch(t -> t.contains(c.ref()))) {
          positives++;
        } else {
          fail("no mail about " + c.name() + " " + c.ref() + " arrived");
        }
      }
    }

    // ---- the checks ----

    private Seen get(String address) {
      HttpResponse<byte[]> r = reader.get(address);
      requests++;
      String type = r.headers().firstValue("Content-Type").orElse("");
      String text;
      if (type.startsWith("application/pdf") && r.statusCode() == 200) {
        text = pdfText(r.body(), address);
      } else {
        text = new String(r.body(), StandardCharsets.UTF_8);
      }
      Seen s = new Seen(address, r.statusCode(), r.headers().map(), text);
      check(s);
      if (reader.refused) {
        expect(s.status() == 401, s, "refuses credentials of another tenant (401)");
      }
      return s;
    }

    /** The checks every answer gets: no canary the reader may not read, no marking above them. */
    private void check(Seen s) {
      if (s.status() >= 500) {
        synchronized (warnings) {
          warnings.add(path + ": " + s.path() + " answered " + s.status());
        }
      }
      String headers = s.headers().toString();
      // the audit log names what was done to which record (its id or reference), for auditors
      boolean identifiersShown = who.auditor() && s.path().startsWith("api/v1/audit");
      for (Canary c : world.canaries()) {
        if (LeakOracle.reads(who, c.record())) {
          continue;
        }
        for (String marker : c.markers()) {
          if (s.path().contains(marker) || identifiersShown && marker.equals(c.ref())) {
            // the reader asked with it: an echo of their own question is no leak
            continue;
          }
          checks++;
          if (s.text().contains(marker) || headers.contains(marker)) {
            fail(
                "LEAK of "
                    + c.name()
                    + " ("
                    + marker
                    + ") in "
                    + s.path()
                    + " ["
                    + s.status()
                    + "]: "
                    + around(s.text(), marker));
          }
        }
      }
      for (String marking : markings(s)) {
        checks++;
        Optional<Label> label = Label.parse(who.tenant(), marking);
        if (label.isEmpty() || !LeakOracle.mayKnow(who, label.get())) {
          fail("marking " + marking + " shown in " + s.path() + " is not the reader's to see");
        }
      }
    }

    private static List<String> markings(Seen s) {
      List<String> found = new ArrayList<>();
      s.headers().entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase("Classification"))
          .forEach(e -> found.addAll(e.getValue()));
      for (Pattern p : List.of(JSON_MARKING, PORTION_MARK)) {
        Matcher m = p.matcher(s.text());
        while (m.find()) {
          found.add(m.group(1).replace("&amp;", "&"));
        }
      }
      return found;
    }

    /** Exact totals and facet counts from the search API, and the hits themselves. */
    private void counts(Seen s, List<Canary> expected) {
      if (!open()) {
        return;
      }
      Optional<JsonObject> json = json(s);
      if (!expect(s.status() == 200 && json.isPresent(), s, "answers 200 with results")) {
        return;
      }
      JsonObject body = json.get();
      long total = body.getJsonNumber("total").longValue();
      expect(total == expected.size(), s, "total " + total + ", expected " + expected.size());
      JsonObject facets = body.getJsonObject("facets");
      for (String dimension : facets.keySet()) {
        Map<String, Long> counts = new HashMap<>();
        facets
            .getJsonObject(dimension)
            .forEach((k, v) -> counts.put(k, ((jakarta.json.JsonNumber) v).longValue()));
        long sum = counts.values().stream().mapToLong(Long::longValue).sum();
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        expect(max <= expected.size(), s, "facet " + dimension + " counts " + counts);
        if (Set.of("type", "agency", "language", "level").contains(dimension)) {
          expect(sum == expected.size(), s, "facet " + dimension + " sums to " + sum);
        }
      }
      expected.forEach(c -> found(s, c));
    }

    /** The count a search page states, and its hits. */
    private void pageCount(Seen s, List<Canary> expected) {
      if (!open() || !who.employee()) {
        return;
      }
      Matcher count = RESULT_COUNT.matcher(s.text());
      if (expect(s.status() == 200 && count.find(), s, "a page with a result count")) {
        expect(
            Integer.parseInt(count.group(1)) == expected.size(),
            s,
            "states " + count.group(1) + " results, expected " + expected.size());
      }
      expected.forEach(c -> found(s, c));
    }

    private void showsWhatTheyRead(Seen s, Predicate<Canary> kind) {
      if (!open()) {
        return;
      }
      List<Canary> readable =
          world.canaries().stream()
              .filter(kind)
              .filter(c -> LeakOracle.reads(who, c.record()))
              .toList();
      if (readable.isEmpty()) {
        return;
      }
      if (expect(s.status() == 200, s, "answers 200")) {
        for (Canary c : readable) {
          checks++;
          String marker = c.record().kind() == REQUEST ? c.ref() : c.word();
          if (s.text().contains(marker)) {
            positives++;
          } else {
            fail(
                s.path() + " does not show " + c.name() + " (" + marker + "), which they may read");
          }
        }
      }
    }

    /** A canary that must be there: counted, so that the probe cannot pass on empty answers. */
    private void found(Seen s, Canary c) {
      checks++;
      if (s.text().contains(c.word())) {
        positives++;
      } else {
        fail(
            s.path() + " [" + s.status() + "] does not show " + c.name() + ", which they may read");
      }
    }

    private List<Canary> findable() {
      return world.canaries().stream().filter(c -> LeakOracle.finds(who, c.record())).toList();
    }

    private List<Canary> notesOf(Canary request) {
      return world.canaries().stream()
          .filter(c -> c.record().kind() == NOTE && c.ref().equals(request.ref()))
          .toList();
    }

    /** Whether the reader's credentials are good where they read (else only 401 is checked). */
    private boolean open() {
      return !reader.refused;
    }

    private boolean expect(boolean ok, Seen s, String what) {
      checks++;
      if (!ok) {
        fail(s.path() + " [" + s.status() + "]: expected it " + what + ": " + around(s.text(), ""));
      }
      return ok;
    }

    void fail(String what) {
      failures.add(reader.name() + " / " + path + ": " + what);
    }

    private static Optional<JsonObject> json(Seen s) {
      try {
        try (jakarta.json.JsonReader reader =
            jakarta.json.Json.createReader(new java.io.StringReader(s.text()))) {
          return Optional.of(reader.readObject());
        }
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }

    private String pdfText(byte[] pdf, String address) {
      try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      } catch (IOException e) {
        fail(address + " is not a PDF: " + e);
        return new String(pdf, StandardCharsets.ISO_8859_1);
      }
    }

    private List<String> mails() {
      List<String> texts = new ArrayList<>();
      for (MimeMessage m : mail.getReceivedMessages()) {
        try {
          texts.add(m.getSubject() + "\n" + content(m));
        } catch (jakarta.mail.MessagingException | IOException e) {
          fail("a mail could not be read: " + e);
        }
      }
      return texts;
    }

    private static String content(Part part) throws jakarta.mail.MessagingException, IOException {
      Object content = part.getContent();
      if (content instanceof Multipart multipart) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
          all.append(content(multipart.getBodyPart(i))).append('\n');
        }
        return all.toString();
      }
      return content instanceof String text ? text : "";
    }

    private static void sleep() {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static String around(String text, String marker) {
      int at = marker.isEmpty() ? 0 : Math.max(0, text.indexOf(marker));
      int from = Math.max(0, at - 120);
      return text.substring(from, Math.min(text.length(), at + marker.length() + 120))
          .replaceAll("\\s+", " ");
    }
  }

  /** The reader × path table and every failure, for the log and the assertion. */
  static final class Summary {
    private final List<ReadPath> paths;
    private final List<Run> runs = new ArrayList<>();

    Summary(List<ReadPath> paths) {
      this.paths = paths;
    }

    synchronized void add(Run run) {
      runs.add(run);
    }

    synchronized List<String> failures() {
      return runs.stream()
          .flatMap(r -> r.cells().values().stream())
          .flatMap(c -> c.failures().stream())
          .toList();
    }

    synchronized long positives() {
      return runs.stream()
          .flatMap(r -> r.cells().values().stream())
          .mapToLong(Cell::positives)
          .sum();
    }

    synchronized String report(Duration setUp, Duration probing) {
      List<Run> ordered =
          runs.stream().sorted(java.util.Comparator.comparing(Run::reader)).toList();
      StringBuilder out = new StringBuilder("\nLeak probe: requests per path (x failures)\n");
      out.append(String.format(Locale.ROOT, "%-26s", "path \\ reader"));
      for (int i = 0; i < ordered.size(); i++) {
        out.append(String.format(Locale.ROOT, "%8s", "R" + (i + 1)));
      }
      out.append('\n');
      for (ReadPath path : paths) {
        out.append(String.format(Locale.ROOT, "%-26s", path.name()));
        for (Run run : ordered) {
          Cell cell = run.cells().get(path.name());
          String text =
              cell == null
                  ? "-"
                  : cell.requests()
                      + (cell.failures().isEmpty() ? "" : "x" + cell.failures().size());
          out.append(String.format(Locale.ROOT, "%8s", text));
        }
        out.append('\n');
      }
      int requests = 0;
      int checks = 0;
      for (int i = 0; i < ordered.size(); i++) {
        Run run = ordered.get(i);
        int found = 0;
        int failed = 0;
        for (Cell c : run.cells().values()) {
          requests += c.requests();
          checks += c.checks();
          found += c.positives();
          failed += c.failures().size();
        }
        out.append(
            String.format(
                Locale.ROOT,
                "R%d = %s: %d paths, %d canaries found where expected, %d failures%n",
                i + 1,
                run.reader(),
                run.cells().size(),
                found,
                failed));
      }
      List<String> warnings =
          ordered.stream().flatMap(r -> r.warnings().stream()).distinct().toList();
      List<String> failures = failures();
      out.append(
          String.format(
              Locale.ROOT,
              "%d readers x %d paths: %d requests, %d checks, %d canaries found where expected,"
                  + " %d failures; set-up %d s, probing %d s%n",
              ordered.size(),
              paths.size(),
              requests,
              checks,
              positives(),
              failures.size(),
              setUp.toSeconds(),
              probing.toSeconds()));
      warnings.forEach(w -> out.append("5xx (no leak in its body): ").append(w).append('\n'));
      failures.forEach(f -> out.append("FAILED: ").append(f).append('\n'));
      return out.toString();
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
