package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicportal.search.SearchIndexTest.ids;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** German and Spanish documents, and text that is only in a record's attached files. */
class SearchIndexLanguagesAndFieldsTest {

  static final IndexDocument FUEHRERSCHEIN_DE =
      doc(
          "fuehrerschein",
          "de",
          "Führerschein beantragen",
          "Wie Sie einen Führerschein bei der Fahrerlaubnisbehörde beantragen.",
          "Für die Anträge brauchen Sie einen Sehtest und einen Nachweis über Erste Hilfe.");

  static final IndexDocument PASAPORTE_ES =
      doc(
          "pasaporte",
          "es",
          "Renovación de pasaportes",
          "Trámites para renovar el pasaporte en la oficina de expedición.",
          "Los ciudadanos de la nación deben presentar dos fotografías recientes.");

  static final IndexDocument LICENCIA_ES =
      doc(
          "licencia",
          "es",
          "Licencias de obra",
          "Solicite la licencia de obra menor.",
          "El trámite se realiza en el ayuntamiento.");

  static final IndexDocument PERMIT_WITH_FORM =
      doc(
              "parking-permit",
              "en",
              "Residents parking permit",
              "Apply for a permit to park near your home.",
              "Permits are issued by the council.")
          .withAttachments(
              "Application form. Section 3: enclose a copy of your vehicle registration"
                  + " certificate (V5C) and a recent council tax bill.");

  static final IndexDocument REGISTRATION_IN_BODY =
      doc(
          "vehicle-registration",
          "en",
          "Vehicle records",
          "Keep your vehicle records up to date.",
          "Tell us when your vehicle registration certificate details change.");

  @TempDir static Path dir;
  private static SearchIndex index;

  @BeforeAll
  static void indexDocuments() throws IOException {
    index = SearchIndex.open(dir);
    index.rebuild(
        List.of(
            FUEHRERSCHEIN_DE, PASAPORTE_ES, LICENCIA_ES, PERMIT_WITH_FORM, REGISTRATION_IN_BODY),
        1);
  }

  @AfterAll
  static void closeIndex() throws IOException {
    index.close();
  }

  @Test
  void germanWordTypedWithoutUmlautFindsIt() throws IOException {
    SearchResult plain = index.search(query("fuhrerschein", "de"));
    SearchResult digraph = index.search(query("Fuehrerschein", "de"));
    SearchResult plural = index.search(query("Führerscheine Antrag", "de"));

    assertThat(ids(plain)).containsExactly("fuehrerschein");
    assertThat(ids(digraph)).containsExactly("fuehrerschein");
    assertThat(ids(plural)).containsExactly("fuehrerschein");
  }

  @Test
  void spanishSingularWithoutAccentFindsPluralWithAccent() throws IOException {
    SearchResult tramite = index.search(query("tramite", "es"));
    SearchResult pasaporte = index.search(query("pasaporte renovacion", "es"));
    SearchResult licencia = index.search(query("licencia", "es"));
    SearchResult nacion = index.search(query("naciones", "es"));

    assertThat(ids(tramite)).containsExactlyInAnyOrder("pasaporte", "licencia");
    assertThat(ids(pasaporte)).containsExactly("pasaporte");
    assertThat(ids(licencia)).containsExactly("licencia");
    assertThat(ids(nacion)).containsExactly("pasaporte");
  }

  @Test
  void germanSearchDoesNotReturnSpanish() throws IOException {
    SearchResult result = index.search(query("pasaporte", "de"));

    assertThat(result.total()).isZero();
  }

  @Test
  void hitFoundOnlyInAnAttachmentHasASnippetFromIt() throws IOException {
    SearchResult result = index.search(query("V5C", "en"));

    assertThat(ids(result)).containsExactly("parking-permit");
    assertThat(result.hits().get(0).snippet())
        .contains("<mark>V5C</mark>")
        .contains("vehicle registration");
  }

  @Test
  void bodyMatchRanksAboveTheSameWordsInAnAttachment() throws IOException {
    SearchResult result = index.search(query("\"registration certificate\"", "en"));

    assertThat(ids(result)).containsExactly("vehicle-registration", "parking-permit");
    assertThat(result.hits().get(1).snippet()).contains("<mark>registration certificate</mark>");
  }

  private static SearchQuery query(String text, String language) {
    return new SearchQuery(text, List.of(language), 10, SampleDocuments.VISITOR);
  }

  static IndexDocument doc(String id, String language, String title, String summary, String body) {
    return new IndexDocument(
        "record:" + id + ":" + language,
        "service",
        id,
        language,
        title,
        summary,
        body,
        SampleDocuments.PUBLIC);
  }
}
