package org.civicportal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.Visibility;
import org.junit.jupiter.api.Test;

class DocumentGeneratorTest {

  private static final List<SourcePage> CORPUS =
      List.of(
          page(
              "fr:1",
              "fr",
              "Carte grise",
              "Faire sa demande de carte grise en ligne. Le délai est court. Le tarif dépend de la région. Un justificatif est demandé."),
          page(
              "fr:2",
              "fr",
              "Passeport",
              "Le passeport se demande en mairie. Il faut prendre rendez-vous avant. La photo doit être récente."),
          page(
              "en:1",
              "en",
              "Get a passport",
              "You can apply for a passport online. It takes three weeks to arrive. You need a recent photo of yourself."),
          page(
              "es:1",
              "es",
              "Pasaporte",
              "Puede solicitar un pasaporte en línea. Tarda tres semanas en llegar."));

  @Test
  void sameSeedAndNumberGiveTheSameDocument() {
    DocumentGenerator one = new DocumentGenerator(CORPUS, 100, 7);
    DocumentGenerator other = new DocumentGenerator(CORPUS, 100, 7);

    List<BenchDocument> first = list(one);
    List<BenchDocument> second = list(other);

    assertThat(first).isEqualTo(second);
    assertThat(one.document(42)).isEqualTo(first.get(42));
  }

  @Test
  void anotherSeedGivesOtherDocuments() {
    List<BenchDocument> first = list(new DocumentGenerator(CORPUS, 50, 7));
    List<BenchDocument> second = list(new DocumentGenerator(CORPUS, 50, 8));

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void documentsTakeTheirTextFromPagesOfTheirLanguageOnly() {
    List<BenchDocument> documents = list(new DocumentGenerator(CORPUS, 500, 1));

    Set<String> languages = new HashSet<>();
    for (BenchDocument bench : documents) {
      IndexDocument document = bench.document();
      languages.add(document.language());
      String pagePrefix = document.language() + ":";
      assertThat(CORPUS)
          .filteredOn(page -> page.key().startsWith(pagePrefix))
          .extracting(SourcePage::title)
          .contains(document.title());
      assertThat(document.body()).isNotBlank();
    }
    assertThat(languages).containsExactlyInAnyOrder("en", "fr", "es");
  }

  @Test
  void labelsStayInTheirRanges() {
    List<BenchDocument> documents = list(new DocumentGenerator(CORPUS, 2000, 3));

    Set<Integer> levels = new HashSet<>();
    Set<String> tenants = new HashSet<>();
    for (BenchDocument bench : documents) {
      Visibility visibility = bench.document().visibility();
      levels.add(visibility.level());
      tenants.add(visibility.tenant());
      assertThat(DocumentGenerator.COMPARTMENTS).containsAll(visibility.compartments());
      assertThat(DocumentGenerator.NATIONS).containsAll(visibility.releasableTo());
      assertThat(DocumentGenerator.AGENCIES).contains(bench.agency());
      assertThat(DocumentGenerator.CATEGORIES).contains(bench.category());
    }
    assertThat(levels).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(tenants).containsExactlyInAnyOrderElementsOf(DocumentGenerator.TENANTS);
  }

  private static List<BenchDocument> list(DocumentGenerator generator) {
    List<BenchDocument> documents = new ArrayList<>();
    generator.forEach(documents::add);
    return documents;
  }

  private static SourcePage page(String key, String language, String title, String body) {
    return new SourcePage(key, language, title, "", body, CorpusText.sentences(body));
  }
}
