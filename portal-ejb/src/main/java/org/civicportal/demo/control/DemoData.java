package org.civicportal.demo.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.boundary.PublicServices.ServiceText;
import org.civicportal.persistence.control.PortalSettings;
import org.civicportal.tenant.entity.Tenant;

/**
 * Seeds a first look: one government, its agencies and published services in English and French,
 * from {@code demo/catalogue.json}. Runs only in demo mode ({@code PORTAL_DEMO}, on by default with
 * the embedded database) and only while the database has no tenant, in one transaction, so restarts
 * never duplicate or overwrite anything and a failed seed leaves nothing half-made.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class DemoData {
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject PublicServices services;

  @PostConstruct
  void seed() {
    if (!PortalSettings.current().demo() || services.hasTenants()) {
      return;
    }
    JsonObject demo = read("demo/catalogue.json");
    JsonObject tenant = demo.getJsonObject("tenant");
    String tenantCode = tenant.getString("code");
    services.createTenant(
        new Tenant(
            tenantCode,
            tenant.getString("name"),
            Locale.forLanguageTag(tenant.getString("defaultLocale"))));
    for (JsonValue value : demo.getJsonArray("agencies")) {
      JsonObject agency = value.asJsonObject();
      services.createAgency(
          tenantCode, agency.getString("code"), strings(agency.getJsonObject("names")));
    }
    int count = 0;
    for (JsonValue value : demo.getJsonArray("services")) {
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
      services.publish(tenantCode, service.getString("agency"), service.getString("code"), texts);
      count++;
    }
    int seeded = count;
    LOG.info(() -> "Demo mode: seeded " + seeded + " published services for " + tenantCode);
  }

  private static JsonObject read(String resource) {
    try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> strings(JsonObject object) {
    Map<String, String> map = new HashMap<>();
    object.forEach((k, v) -> map.put(k, ((JsonString) v).getString()));
    return map;
  }
}
