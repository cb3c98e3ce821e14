package org.civicportal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.civicportal.search.analysis.LanguageAnalyzers;
import org.civicportal.search.query.CitizenQueryParser;
import org.junit.jupiter.api.Test;

class QuerySetTest {

  @Test
  void everyKindHasFrenchAndEnglishQueriesThatLeaveSomethingToSearch() {
    try (Analyzer analyzer = LanguageAnalyzers.perField()) {
      CitizenQueryParser parser = new CitizenQueryParser(analyzer);
      for (QueryKind kind : QueryKind.values()) {
        List<BenchQuery> queries = QuerySet.of(kind);

        assertThat(queries).extracting(BenchQuery::language).contains("fr", "en");
        for (BenchQuery query : queries) {
          Optional<Query> parsed = parser.parse(query.text(), List.of(query.language()));
          assertThat(parsed).as(query.text()).isPresent();
          assertThat(query.words()).doesNotContain("\"", "*").isNotBlank();
        }
      }
    }
  }

  @Test
  void queriesCycleThroughTheThreeAudiences() {
    List<BenchQuery> queries = QuerySet.of(QueryKind.ONE_TERM);

    assertThat(queries)
        .extracting(BenchQuery::audience)
        .contains(QuerySet.NORTH_STAFF, QuerySet.SOUTH_STAFF, QuerySet.NORTH_PUBLIC);
  }
}
