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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.boundary.PublicServices.ServiceText;
import org.civicportal.persistence.control.PortalSettings;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.entity.Tenant;

/**
 * Seeds a first look from {@code demo/catalogue.json}: two governments (Demoland, the default, on
 * localhost and 127.0.0.1; Samplestan on samplestan.localhost), each with its classification
 * scheme, agencies and published services in English and French. Runs only in demo mode ({@code
 * PORTAL_DEMO}, on by default with the embedded database) and only while the database has no
 * tenant, so restarts never duplicate or overwrite anything. Each tenant is seeded in one
 * transaction.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoData {
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject Tenants tenants;
  @Inject PublicServices services;
  @Resource UserTransaction transaction;

  @PostConstruct
  void seed() {
    if (!PortalSettings.current().demo() || tenants.hasAny()) {
      return;
    }
    for (JsonValue value : read("demo/catalogue.json").getJsonArray("tenants")) {
      JsonObject tenant = value.asJsonObject();
      try {
        transaction.begin();
        seed(tenant);
        transaction.commit();
      } catch (Exception e) {
        throw new IllegalStateException(
            "Seeding demo tenant " + tenant.getString("code") + " failed", e);
      }
    }
  }

  private void seed(JsonObject json) {
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
    if (json.getBoolean("default", false)) {
      tenant.makeDefault();
    }
    tenants.create(tenant);
    try (CurrentTenant.Scope scope = CurrentTenant.enter(code)) {
      for (JsonValue value : json.getJsonArray("agencies")) {
        JsonObject agency = value.asJsonObject();
        services.createAgency(agency.getString("code"), names(agency.getJsonObject("names")));
      }
      for (JsonValue value : json.getJsonArray("services")) {
        JsonObject service = value.asJsonObject();
        List<ServiceText> texts = new ArrayList<>();
        service
            .getJsonObject("texts")
            .forEach(
                (language, text) -> {
                  JsonObject t = text.asJsonObject();
                  texts.add(
                      new ServiceText(
                          language,
                          t.getString("slug"),
                          t.getString("title"),
                          t.getString("summary"),
                          t.getString("body")));
                });
        services.publish(service.getString("agency"), service.getString("code"), texts);
      }
    }
    LOG.info(() -> "Demo mode: seeded " + code);
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
