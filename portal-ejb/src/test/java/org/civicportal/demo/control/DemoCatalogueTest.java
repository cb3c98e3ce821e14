package org.civicportal.demo.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

  @Test
  void demoHasTwoAgenciesAndAtLeastSixServicesEachInEnglishAndFrenchWithUniqueSlugs()
      throws Exception {
    JsonObject demo;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/catalogue.json");
        JsonReader reader = Json.createReader(in)) {
      demo = reader.readObject();
    }
    Set<String> slugs = new HashSet<>();
    Set<String> agencies = new HashSet<>();

    for (JsonValue value : demo.getJsonArray("services")) {
      JsonObject service = value.asJsonObject();
      agencies.add(service.getString("agency"));
      JsonObject texts = service.getJsonObject("texts");
      assertThat(texts.keySet()).containsExactlyInAnyOrder("en", "fr");
      for (String lang : texts.keySet()) {
        JsonObject text = texts.getJsonObject(lang);
        assertThat(ServiceTranslation.isSlug(text.getString("slug")))
            .as(text.getString("slug"))
            .isTrue();
        assertThat(slugs.add(text.getString("slug")))
            .as("unique " + text.getString("slug"))
            .isTrue();
        assertThat(text.getString("title")).isNotBlank();
        assertThat(text.getString("summary").length())
            .isLessThanOrEqualTo(ServiceTranslation.MAX_SUMMARY);
      }
    }

    assertThat(demo.getJsonArray("agencies")).hasSize(2);
    assertThat(agencies).hasSize(2);
    assertThat(slugs.size()).isGreaterThanOrEqualTo(12);
  }
}
