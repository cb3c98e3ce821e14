package org.civicportal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.Visibility;
import org.junit.jupiter.api.Test;

class PostgresLoadTest {

  @Test
  void copyRowEscapesTabsLineBreaksAndBackslashes() {
    IndexDocument document =
        new IndexDocument(
            "doc:7",
            "page",
            "7",
            "fr",
            "Titre\tà onglet",
            "Ligne 1\nLigne 2\r",
            "C:\\chemin",
            new Visibility("north", 2, Set.of("bravo", "alpha"), Set.of()));
    BenchDocument bench =
        new BenchDocument(7, document, "health", "family", LocalDate.of(2020, 2, 29));
    StringBuilder line = new StringBuilder();

    PostgresLoad.row(bench, line);

    assertThat(line.toString())
        .isEqualTo(
            "7\tnorth\t2\t{alpha,bravo}\t{}\tfr\tfrench\tpage\thealth\tfamily\t2020-02-29"
                + "\tTitre\\tà onglet\tLigne 1\\nLigne 2\\r\tC:\\\\chemin\n");
  }

  @Test
  void queryKindsUseTheirTsqueryFunction() {
    assertThat(PostgresSchema.topTen(QueryKind.PHRASE)).contains("phraseto_tsquery");
    assertThat(PostgresSchema.facets(QueryKind.PREFIX)).contains("':*'").contains("GROUPING SETS");
    assertThat(PostgresSchema.topTen(QueryKind.TWO_TERMS))
        .contains("plainto_tsquery")
        .contains("compartments <@")
        .endsWith("LIMIT 10");
  }
}
