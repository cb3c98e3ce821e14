package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicportal.search.SampleDocuments.LICENCE_EN;
import static org.civicportal.search.SampleDocuments.PASSEPORT_FR;
import static org.civicportal.search.SampleDocuments.PASSPORT_EN;
import static org.civicportal.search.SampleDocuments.RENEW_PASSPORT_EN;
import static org.civicportal.search.SampleDocuments.en;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

  @TempDir Path dir;

  @Test
  void emptyDirectoryNeedsRebuild() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {

      assertThat(index.needsRebuild()).isTrue();
      assertThat(index.checkpoint()).isZero();
      assertThat(index.documentCount()).isZero();
    }
  }

  @Test
  void missingDirectoryIsCreated() throws IOException {
    Path nested = dir.resolve("data").resolve("search");

    try (SearchIndex index = SearchIndex.open(nested)) {

      assertThat(index.needsRebuild()).isTrue();
    }
  }

  @Test
  void rebuildMakesDocumentsSearchableAndClearsNeedsRebuild() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {

      index.rebuild(SampleDocuments.ALL, 17);

      assertThat(index.needsRebuild()).isFalse();
      assertThat(index.checkpoint()).isEqualTo(17);
      assertThat(index.documentCount()).isEqualTo(SampleDocuments.ALL.size());
      assertThat(ids(index.search(query("passport", "en")))).contains("passport");
    }
  }

  @Test
  void applyClearsNeedsRebuild() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {

      index.apply(List.of(PASSPORT_EN), List.of(), 3);

      assertThat(index.needsRebuild()).isFalse();
      assertThat(index.checkpoint()).isEqualTo(3);
    }
  }

  @Test
  void upsertWithExistingKeyReplacesTheDocument() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(PASSPORT_EN, LICENCE_EN), List.of(), 1);
      IndexDocument retitled =
          en("passport", "Get a passport urgently", "Fast Track service.", "Book an appointment.");

      index.apply(List.of(retitled), List.of(), 2);

      SearchResult result = index.search(query("passport", "en"));
      assertThat(index.documentCount()).isEqualTo(2);
      assertThat(result.total()).isEqualTo(1);
      assertThat(result.hits()).extracting(SearchHit::title).containsExactly(retitled.title());
    }
  }

  @Test
  void deletedKeyIsNoLongerFound() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(PASSPORT_EN, RENEW_PASSPORT_EN), List.of(), 1);

      index.apply(List.of(), List.of(PASSPORT_EN.key()), 2);

      SearchResult result = index.search(query("passport", "en"));
      assertThat(result.total()).isEqualTo(1);
      assertThat(ids(result)).containsExactly("renew-passport");
    }
  }

  @Test
  void deletingAnUnknownKeyIsHarmless() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(PASSPORT_EN), List.of(), 1);

      index.apply(List.of(), List.of("service:nothing:en"), 2);

      assertThat(index.documentCount()).isEqualTo(1);
    }
  }

  @Test
  void checkpointAndDocumentsSurviveCloseAndReopen() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(SampleDocuments.ALL, List.of(), 41);
      index.apply(List.of(), List.of(LICENCE_EN.key()), 42);
    }

    try (SearchIndex reopened = SearchIndex.open(dir)) {

      assertThat(reopened.checkpoint()).isEqualTo(42);
      assertThat(reopened.needsRebuild()).isFalse();
      assertThat(reopened.documentCount()).isEqualTo(SampleDocuments.ALL.size() - 1);
    }
  }

  @Test
  void indexReopenedBeforeItsFirstRebuildStillNeedsRebuild() throws IOException {
    SearchIndex.open(dir).close();

    try (SearchIndex reopened = SearchIndex.open(dir)) {

      assertThat(reopened.needsRebuild()).isTrue();
    }
  }

  @Test
  void rebuildReplacesPreviousContent() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(PASSPORT_EN, LICENCE_EN), List.of(), 5);

      index.rebuild(List.of(RENEW_PASSPORT_EN), 9);

      assertThat(index.documentCount()).isEqualTo(1);
      assertThat(ids(index.search(query("passport", "en")))).containsExactly("renew-passport");
    }
  }

  @Test
  void rebuildWithRepeatedKeyKeepsOneDocument() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {

      index.rebuild(List.of(PASSPORT_EN, PASSPORT_EN), 1);

      assertThat(index.documentCount()).isEqualTo(1);
    }
  }

  @Test
  void failedRebuildLeavesLastCommitSearchable() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(PASSPORT_EN, LICENCE_EN), List.of(), 5);
      Iterable<IndexDocument> failingHalfWay = () -> failAfter(List.of(RENEW_PASSPORT_EN));

      assertThatThrownBy(() -> index.rebuild(failingHalfWay, 9))
          .isInstanceOf(IllegalStateException.class);

      assertThat(index.checkpoint()).isEqualTo(5);
      assertThat(index.documentCount()).isEqualTo(2);
      index.apply(List.of(), List.of(LICENCE_EN.key()), 6);
      assertThat(ids(index.search(query("passport", "en")))).containsExactly("passport");
    }
  }

  @Test
  void searchInOneLanguageNeverReturnsTheOther() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.rebuild(SampleDocuments.ALL, 1);

      SearchResult french = index.search(query("10", "fr"));
      SearchResult english = index.search(query("10", "en"));
      SearchResult frenchWordInEnglish = index.search(query("passeport", "en"));

      assertThat(french.hits()).isNotEmpty().allMatch(hit -> hit.language().equals("fr"));
      assertThat(english.hits()).isNotEmpty().allMatch(hit -> hit.language().equals("en"));
      assertThat(frenchWordInEnglish.total()).isZero();
    }
  }

  @Test
  void searchInBothLanguagesFindsBoth() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.rebuild(SampleDocuments.ALL, 1);
      SearchQuery bilingual =
          new SearchQuery(
              "passport OR passeport", List.of("en", "fr"), 10, SampleDocuments.VISITOR);

      SearchResult result = index.search(bilingual);

      assertThat(result.hits()).extracting(SearchHit::language).contains("en", "fr");
      assertThat(ids(result)).contains("passport", "passeport");
    }
  }

  @Test
  void hitCarriesTypeIdLanguageAndTitle() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.rebuild(List.of(PASSEPORT_FR), 1);

      SearchHit hit = index.search(query("passeport", "fr")).hits().get(0);

      assertThat(hit.type()).isEqualTo("service");
      assertThat(hit.id()).isEqualTo("passeport");
      assertThat(hit.language()).isEqualTo("fr");
      assertThat(hit.title()).isEqualTo("Passeport");
    }
  }

  @Test
  void totalIsExactBeyondThePageOfHits() throws IOException {
    List<IndexDocument> permits = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      permits.add(en("permit-" + i, "Parking permit " + i, "Apply for a parking permit.", ""));
    }
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.rebuild(permits, 1);

      SearchResult result =
          index.search(
              new SearchQuery("parking permit", List.of("en"), 10, SampleDocuments.VISITOR));

      assertThat(result.total()).isEqualTo(1500);
      assertThat(result.hits()).hasSize(10);
    }
  }

  @Test
  void searchesDuringWritesSeeOnlyWholeBatches() throws Exception {
    try (SearchIndex index = SearchIndex.open(dir)) {
      AtomicBoolean writing = new AtomicBoolean(true);
      List<Long> totals = new CopyOnWriteArrayList<>();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      Thread searcher = new Thread(() -> searchUntilDone(index, writing, totals, failures));
      searcher.start();

      for (int batch = 1; batch <= 30; batch++) {
        List<IndexDocument> tenPermits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          tenPermits.add(en("permit-" + batch + "-" + i, "Permit " + i, "Street permit.", ""));
        }
        index.apply(tenPermits, List.of(), batch);
      }
      writing.set(false);
      searcher.join();

      assertThat(failures).isEmpty();
      assertThat(totals).isNotEmpty().allMatch(total -> total % 10 == 0);
      assertThat(index.search(query("permit", "en")).total()).isEqualTo(300);
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryFailsAndLeavesTheFirstIntact() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(PASSPORT_EN), List.of(), 1);

      assertThatThrownBy(() -> SearchIndex.open(dir)).isInstanceOf(LockObtainFailedException.class);

      assertThat(index.documentCount()).isEqualTo(1);
    }
  }

  @Test
  void writesAfterCloseAreRejected() throws IOException {
    SearchIndex index = SearchIndex.open(dir);
    index.close();

    assertThatThrownBy(() -> index.apply(List.of(PASSPORT_EN), List.of(), 1))
        .isInstanceOf(AlreadyClosedException.class);
  }

  @Test
  void closingTwiceIsHarmless() throws IOException {
    SearchIndex index = SearchIndex.open(dir);
    index.close();

    index.close();

    assertThat(index.needsRebuild()).isTrue();
  }

  @Test
  void negativeCheckpointIsRejected() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {

      assertThatThrownBy(() -> index.apply(List.of(), List.of(), -1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  static SearchQuery query(String text, String language) {
    return new SearchQuery(text, List.of(language), 10, SampleDocuments.VISITOR);
  }

  static List<String> ids(SearchResult result) {
    return result.hits().stream().map(SearchHit::id).toList();
  }

  private static void searchUntilDone(
      SearchIndex index, AtomicBoolean writing, List<Long> totals, List<Throwable> failures) {
    try {
      while (writing.get()) {
        totals.add(index.search(query("permit", "en")).total());
      }
    } catch (IOException | RuntimeException e) {
      failures.add(e);
    }
  }

  private static Iterator<IndexDocument> failAfter(List<IndexDocument> documents) {
    Iterator<IndexDocument> delegate = documents.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public IndexDocument next() {
        if (delegate.hasNext()) {
          return delegate.next();
        }
        throw new IllegalStateException("database connection lost");
      }
    };
  }
}
