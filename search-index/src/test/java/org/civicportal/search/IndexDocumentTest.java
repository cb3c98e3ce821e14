package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IndexDocumentTest {

  @Test
  void missingTextBecomesEmpty() {
    IndexDocument document =
        new IndexDocument("k", "service", "1", "en", null, null, null, SampleDocuments.PUBLIC);

    assertThat(document.title()).isEmpty();
    assertThat(document.summary()).isEmpty();
    assertThat(document.body()).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void blankKeyIsRejected(String key) {
    assertThatThrownBy(
            () ->
                new IndexDocument(
                    key, "service", "1", "en", "Title", "", "", SampleDocuments.PUBLIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
  }

  @Test
  void blankTypeIsRejected() {
    assertThatThrownBy(
            () -> new IndexDocument("k", " ", "1", "en", "Title", "", "", SampleDocuments.PUBLIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type");
  }

  @Test
  void blankIdIsRejected() {
    assertThatThrownBy(
            () ->
                new IndexDocument(
                    "k", "service", "", "en", "Title", "", "", SampleDocuments.PUBLIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tlh", "EN", "en-GB", "english"})
  void unsupportedLanguageIsRejected(String language) {
    assertThatThrownBy(
            () ->
                new IndexDocument(
                    "k", "service", "1", language, "Title", "", "", SampleDocuments.PUBLIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(language);
  }

  @Test
  void eightFieldRecordHasNoAttachmentsAgencyCategoryOrDate() {
    IndexDocument document =
        new IndexDocument("k", "service", "1", "de", "Titel", "", "", SampleDocuments.PUBLIC);

    assertThat(document.attachments()).isEmpty();
    assertThat(document.agency()).isEmpty();
    assertThat(document.category()).isEmpty();
    assertThat(document.updated()).isNull();
  }

  @Test
  void blankAgencyBecomesEmptyAndOverlongAgencyIsRejected() {
    IndexDocument document =
        new IndexDocument("k", "service", "1", "es", "Título", "", "", SampleDocuments.PUBLIC);

    assertThat(document.withDetails("  ", null, null).agency()).isEmpty();
    assertThatThrownBy(() -> document.withDetails("x".repeat(201), "", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agency");
  }
}
