package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {

  @Test
  void textOfMaximumLengthIsAccepted() {
    String longest = "a".repeat(SearchQuery.MAX_LENGTH);

    SearchQuery query = new SearchQuery(longest, List.of("en"), 10, SampleDocuments.VISITOR);

    assertThat(query.text()).hasSize(1000);
  }

  @Test
  void tenThousandCharactersAreRejectedWithTheLimitInTheMessage() {
    String pasted = "passport ".repeat(1112);

    assertThatThrownBy(() -> new SearchQuery(pasted, List.of("en"), 10, SampleDocuments.VISITOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000");
  }

  @Test
  void nullTextBecomesEmpty() {
    SearchQuery query = new SearchQuery(null, List.of("fr"), 10, SampleDocuments.VISITOR);

    assertThat(query.text()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 101})
  void sizeOutsideOneToHundredIsRejected(int size) {
    assertThatThrownBy(
            () -> new SearchQuery("passport", List.of("en"), size, SampleDocuments.VISITOR))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noLanguageIsRejected() {
    assertThatThrownBy(() -> new SearchQuery("passport", List.of(), 10, SampleDocuments.VISITOR))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unsupportedLanguageIsRejected() {
    assertThatThrownBy(
            () -> new SearchQuery("passport", List.of("en", "xx"), 10, SampleDocuments.VISITOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xx");
  }

  @Test
  void languagesAreCopied() {
    List<String> languages = new ArrayList<>(List.of("en"));
    SearchQuery query = new SearchQuery("passport", languages, 10, SampleDocuments.VISITOR);

    languages.add("fr");

    assertThat(query.languages()).containsExactly("en");
  }

  @Test
  void compatibilityConstructorAsksForTheFirstPageWithoutFiltersOrFacets() {
    SearchQuery query = new SearchQuery("passport", List.of("en"), 10, SampleDocuments.VISITOR);

    assertThat(query.filters()).isEqualTo(SearchFilters.none());
    assertThat(query.facets()).isFalse();
    assertThat(query.cursor()).isNull();
    assertThat(query.now()).isNotNull();
  }

  @Test
  void filtersNormaliseBlankValuesAndRefuseBadOnes() {
    SearchFilters filters =
        new SearchFilters(null, " ", "", null, null, null).withTypes(Set.of("page", "service"));

    assertThat(filters.types()).containsExactlyInAnyOrder("page", "service");
    assertThat(filters.agency()).isNull();
    assertThat(filters.category()).isNull();
    assertThatThrownBy(() -> SearchFilters.none().withLevel(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SearchFilters.none().withLanguage("xx"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SearchFilters.none().withTypes(Set.of(" ")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dateRangesAreFoundByLabel() {
    assertThat(UpdatedWithin.fromLabel("30d")).isEqualTo(UpdatedWithin.LAST_30_DAYS);
    assertThat(UpdatedWithin.fromLabel("older")).isEqualTo(UpdatedWithin.OLDER);
    assertThatThrownBy(() -> UpdatedWithin.fromLabel("1y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1y");
  }
}
