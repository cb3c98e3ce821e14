package org.civicportal.document.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.civicportal.classification.control.ClassificationScheme;
import org.civicportal.classification.control.Label;
import org.junit.jupiter.api.Test;

class StaffDocumentTest {
  private static final ClassificationScheme SCHEME =
      ClassificationScheme.of("DEMOLAND", List.of("OFFICIAL", "SECRET"), Set.of(), Set.of());
  private static final Label OFFICIAL = SCHEME.lowest();

  private static StaffDocument in(String language) {
    return new StaffDocument(
        "transport", language, "Title", "Body", OFFICIAL, "writer", Instant.now());
  }

  @Test
  void takesLanguageCodes() {
    assertThat(in("en").language()).isEqualTo("en");
    assertThat(in("pt-BR").language()).isEqualTo("pt-BR");
  }

  @Test
  void refusesWhatIsNotALanguageCodeBeforeTheDatabaseDoes_issue14() {
    for (String language : new String[] {"civicfuzzbaseline", "<script>", "", "en-"}) {
      assertThatThrownBy(() -> in(language))
          .as(language)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("language");
    }
    assertThatThrownBy(() -> in(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
