package org.civicportal.demo.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.civicportal.catalog.control.CatalogueSeeding;
import org.civicportal.catalog.entity.Channel;
import org.civicportal.catalog.entity.ServiceText;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.Marking;
import org.civicportal.document.control.DocumentWriter;
import org.civicportal.document.entity.StaffDocument;
import org.civicportal.form.control.FormDefinition;
import org.civicportal.identity.boundary.Accounts;
import org.civicportal.identity.entity.Account;
import org.civicportal.identity.entity.Role;
import org.civicportal.persistence.control.PortalSettings;
import org.civicportal.request.boundary.Open311Keys;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.entity.Tenant;

/**
 * Seeds a first look from {@code demo/catalogue.json}: two governments (Demoland, the default, on
 * localhost and 127.0.0.1; Samplestan on samplestan.localhost), each with its classification
 * scheme, languages, categories, agencies and published services (Demoland in English, French and
 * Arabic). Runs only in demo mode ({@code PORTAL_DEMO}, on by default with the embedded database)
 * and only while the database has no tenant, so restarts never duplicate or overwrite anything.
 * Each tenant is seeded in one transaction.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject Tenants tenants;
  @Inject CatalogueSeeding catalogue;
  @Inject Accounts accounts;
  @Inject DocumentWriter writer;
  @Inject Open311Keys open311Keys;

  /** The Open311 API key every demo tenant accepts. */
  public static final String DEMO_OPEN311_KEY = "demo-open311-key";

  @Resource UserTransaction transaction;

  @PostConstruct
  void seed() {
    if (!PortalSettings.current().demo() || tenants.hasAny()) {
      return;
    }
    List<JsonObject> all =
        read("demo/catalogue.json").getJsonArray("tenants").getValuesAs(JsonObject.class);
    // all tenants first: a label may be releasable to another tenant's nation
    inTransaction("tenants", () -> all.forEach(this::createTenant));
    for (JsonObject tenant : all) {
      String code = tenant.getString("code");
      inTransaction(
          code,
          () -> {
            try (CurrentTenant.Scope scope = CurrentTenant.enter(code)) {
              seedContent(tenant);
            }
          });
      LOG.info(() -> "Demo mode: seeded " + code);
    }
  }

  private void inTransaction(String what, Runnable work) {
    try {
      transaction.begin();
      work.run();
      transaction.commit();
    } catch (Exception e) {
      throw new IllegalStateException("Seeding demo data (" + what + ") failed", e);
    }
  }

  private void createTenant(JsonObject json) {
    String code = json.getString("code");
    Tenant tenant =
        new Tenant(
            code,
            json.getString("name"),
            Locale.forLanguageTag(json.getString("defaultLocale")),
            json.getString("nation"),
            strings(json, "levels"),
            new TreeSet<>(strings(json, "compartments")));
    strings(json, "hosts").forEach(tenant::answerOn);
    if (json.containsKey("locales")) {
      tenant.publishIn(strings(json, "locales"));
    }
    if (json.getBoolean("default", false)) {
      tenant.makeDefault();
    }
    tenants.create(tenant);
  }

  private void seedContent(JsonObject json) {
    for (JsonValue value : json.getJsonArray("agencies")) {
      JsonObject agency = value.asJsonObject();
      catalogue.agency(agency.getString("code"), names(agency.getJsonObject("names")));
    }
    if (json.containsKey("categories")) {
      for (JsonObject category : json.getJsonArray("categories").getValuesAs(JsonObject.class)) {
        catalogue.category(category.getString("code"), names(category.getJsonObject("names")));
      }
    }
    String defaultLanguage = json.getString("defaultLocale");
    for (JsonValue value : json.getJsonArray("services")) {
      JsonObject service = value.asJsonObject();
      Map<String, Map.Entry<String, ServiceText>> texts = new LinkedHashMap<>();
      service
          .getJsonObject("texts")
          .forEach(
              (language, text) -> {
                JsonObject t = text.asJsonObject();
                texts.put(
                    language,
                    Map.entry(
                        t.getString("slug"),
                        new ServiceText(
                            t.getString("title"),
                            t.getString("summary"),
                            t.getString("body"),
                            t.getString("eligibility", null),
                            t.getString("documentsNeeded", null),
                            t.getString("fees", null),
                            t.getString("processingTime", null),
                            t.getString("contact", null))));
              });
      Set<Channel> channels = EnumSet.noneOf(Channel.class);
      if (service.containsKey("channels")) {
        strings(service, "channels").forEach(c -> Channel.ofExternal(c).ifPresent(channels::add));
      }
      catalogue.service(
          service.getString("agency"),
          service.getString("code"),
          texts.containsKey(defaultLanguage) ? defaultLanguage : texts.keySet().iterator().next(),
          service.getString("category", null),
          channels,
          service.containsKey("processingDays") ? service.getInt("processingDays") : null,
          texts,
          service.containsKey("form") ? FormDefinition.of(service.getJsonObject("form")) : null);
    }
    seedAccounts(json.getJsonObject("accounts"));
    open311Keys.register(DEMO_OPEN311_KEY, "Demo Open311 client", "demo");
    ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
    for (JsonObject document : json.getJsonArray("documents").getValuesAs(JsonObject.class)) {
      writer.insert(
          new StaffDocument(
              document.getString("agency"),
              document.getString("language"),
              document.getString("title"),
              document.getString("body"),
              Marking.parse(scheme, document.getString("marking")),
              document.getString("author"),
              Instant.now()),
          Instant.now());
    }
  }

  /** The demo accounts; they all share one password, so it is hashed once. */
  private void seedAccounts(JsonObject json) {
    ClassificationScheme scheme = tenants.scheme(CurrentTenant.code());
    String hash = accounts.hash(json.getString("password").toCharArray());
    for (String citizen : strings(json, "citizens")) {
      Account account = Account.citizen(citizen, citizen + "@example.org", hash);
      account.verifyEmail();
      accounts.create(account);
    }
    for (JsonObject e : json.getJsonArray("employees").getValuesAs(JsonObject.class)) {
      int level = e.isNull("level") ? 0 : scheme.level(e.getString("level"));
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String role : strings(e, "roles")) {
        roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT).replace('-', '_')));
      }
      Account employee =
          Account.employee(
              e.getString("username"),
              hash,
              level,
              new TreeSet<>(strings(e, "compartments")),
              scheme.nation(),
              roles);
      if (e.containsKey("agencies")) {
        employee.assignAgencies(new TreeSet<>(strings(e, "agencies")));
      }
      accounts.create(employee);
    }
  }

  private static JsonObject read(String resource) {
    try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static Map<String, String> names(JsonObject object) {
    Map<String, String> map = new TreeMap<>();
    object.forEach((k, v) -> map.put(k, ((JsonString) v).getString()));
    return map;
  }
}
