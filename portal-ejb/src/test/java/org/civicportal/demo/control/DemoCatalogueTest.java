package org.civicportal.demo.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.Label;
import org.civicportal.classification.control.Marking;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

  @Test
  void demolandIsTheDefaultOnLocalhostWithTwoAgenciesAndSixBilingualServices() throws Exception {
    JsonObject demoland = tenants().get(0).asJsonObject();

    assertThat(demoland.getString("code")).isEqualTo("demoland");
    assertThat(demoland.getBoolean("default")).isTrue();
    assertThat(strings(demoland, "hosts")).contains("demoland.localhost", "localhost", "127.0.0.1");
    assertThat(strings(demoland, "levels"))
        .containsExactly("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET");
    assertThat(demoland.getJsonArray("agencies")).hasSize(2);
    assertThat(demoland.getJsonArray("services").size()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void samplestanHasTheUsStyleScaleOnItsOwnHost() throws Exception {
    JsonObject samplestan = tenants().get(1).asJsonObject();

    assertThat(samplestan.getString("code")).isEqualTo("samplestan");
    assertThat(strings(samplestan, "hosts")).containsExactly("samplestan.localhost");
    assertThat(strings(samplestan, "levels"))
        .containsExactly("UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET");
  }

  @Test
  void everyServiceHasValidUniqueSlugsInEnglishAndFrenchAndEverySchemeIsValid() throws Exception {
    for (JsonValue value : tenants()) {
      JsonObject tenant = value.asJsonObject();
      ClassificationScheme.of(
          tenant.getString("nation"),
          strings(tenant, "levels"),
          new TreeSet<>(strings(tenant, "compartments")),
          Set.of(tenant.getString("nation")));
      Set<String> slugs = new HashSet<>();
      Set<String> categories = new HashSet<>();
      tenant
          .getJsonArray("categories")
          .forEach(c -> categories.add(c.asJsonObject().getString("code")));
      List<String> locales = strings(tenant, "locales");
      for (JsonValue service : tenant.getJsonArray("services")) {
        JsonObject texts = service.asJsonObject().getJsonObject("texts");
        assertThat(texts.keySet()).contains("en", "fr");
        assertThat(locales).containsAll(texts.keySet());
        assertThat(categories).contains(service.asJsonObject().getString("category"));
        for (String lang : texts.keySet()) {
          JsonObject text = texts.getJsonObject(lang);
          String slug = text.getString("slug");
          assertThat(ServiceTranslation.isSlug(slug)).as(slug).isTrue();
          assertThat(slugs.add(slug)).as("unique " + slug).isTrue();
          assertThat(text.getString("title")).isNotBlank();
          assertThat(text.getString("summary").length())
              .isLessThanOrEqualTo(ServiceTranslation.MAX_SUMMARY);
        }
      }
    }
  }

  @Test
  void everyDemoDocumentHasAValidMarkingAndEveryLevelOfItsScaleIsUsed() throws Exception {
    Set<String> nations = new TreeSet<>();
    tenants().forEach(t -> nations.add(t.asJsonObject().getString("nation")));
    for (JsonValue value : tenants()) {
      JsonObject tenant = value.asJsonObject();
      ClassificationScheme scheme =
          ClassificationScheme.of(
              tenant.getString("nation"),
              strings(tenant, "levels"),
              new TreeSet<>(strings(tenant, "compartments")),
              nations);
      Set<Integer> levels = new TreeSet<>();
      Set<String> compartments = new TreeSet<>();
      for (JsonValue document : tenant.getJsonArray("documents")) {
        Label label = Marking.parse(scheme, document.asJsonObject().getString("marking"));
        levels.add(label.level());
        compartments.addAll(label.compartments());
      }

      assertThat(levels).hasSize(strings(tenant, "levels").size());
      assertThat(compartments).containsExactlyInAnyOrderElementsOf(strings(tenant, "compartments"));
      assertThat(tenant.getJsonObject("accounts").getJsonArray("employees"))
          .extracting(e -> e.asJsonObject().getString("username"))
          .contains("officer1", "analyst1", "director1", "auditor1", "admin1");
    }
  }

  private List<JsonValue> tenants() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/catalogue.json");
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject().getJsonArray("tenants");
    }
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
