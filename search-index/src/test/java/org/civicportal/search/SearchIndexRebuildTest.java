package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicportal.search.SampleDocuments.en;
import static org.civicportal.search.SearchIndexTest.ids;
import static org.civicportal.search.SearchIndexTest.query;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild reports progress, and the old index answers until the rebuild commits. */
class SearchIndexRebuildTest {

  private static final int NEW_DOCUMENTS = 40;

  @TempDir Path dir;

  @Test
  void searchDuringRebuildSeesTheLastCommitUntilTheRebuildCommits() throws Exception {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(SampleDocuments.PASSPORT_EN, SampleDocuments.LICENCE_EN), List.of(), 5);
      SearchResult before = index.search(query("passport", "en"));
      SearchResult firstPage = index.search(pageOfOne("years"));
      CountDownLatch halfWay = new CountDownLatch(1);
      CountDownLatch resume = new CountDownLatch(1);
      List<Long> progress = new CopyOnWriteArrayList<>();
      Iterable<IndexDocument> pausing = () -> pausingHalfWay(halfWay, resume);

      CompletableFuture<Void> rebuild =
          CompletableFuture.runAsync(() -> rebuild(index, pausing, progress));
      assertThat(halfWay.await(30, TimeUnit.SECONDS)).isTrue();
      SearchResult during = index.search(query("passport", "en"));
      SearchResult newWordDuring = index.search(query("allotment", "en"));
      int countDuring = index.documentCount();
      long checkpointDuring = index.checkpoint();
      resume.countDown();
      rebuild.get(30, TimeUnit.SECONDS);

      assertThat(progress).hasSize(NEW_DOCUMENTS).startsWith(1L, 2L).endsWith((long) NEW_DOCUMENTS);
      assertThat(during).isEqualTo(before);
      assertThat(ids(during)).containsExactly("passport");
      assertThat(newWordDuring.total()).isZero();
      assertThat(countDuring).isEqualTo(2);
      assertThat(checkpointDuring).isEqualTo(5);
      assertThat(index.checkpoint()).isEqualTo(6);
      assertThat(index.documentCount()).isEqualTo(NEW_DOCUMENTS);
      assertThat(index.search(query("allotment", "en")).total()).isEqualTo(NEW_DOCUMENTS);
      assertThat(index.search(query("passport", "en")).total()).isZero();
      // the next page of a search started before the rebuild still comes from the old commit
      SearchResult secondPage = index.search(pageOfOne("years").withCursor(firstPage.nextCursor()));
      assertThat(List.of(ids(firstPage).get(0), ids(secondPage).get(0)))
          .containsExactlyInAnyOrder("passport", "driving-licence");
    }
  }

  @Test
  void progressThatFailsLeavesTheOldContent() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(SampleDocuments.PASSPORT_EN), List.of(), 5);

      try {
        index.rebuild(
            allotments(),
            6,
            indexed -> {
              if (indexed == 3) {
                throw new IllegalStateException("cancelled by the operator");
              }
            });
      } catch (IllegalStateException expected) {
        // the rebuild is abandoned
      }

      assertThat(index.checkpoint()).isEqualTo(5);
      assertThat(ids(index.search(query("passport", "en")))).containsExactly("passport");
    }
  }

  @Test
  void laterVersionOfARepeatedKeyWinsWhileManyThreadsIndex() throws IOException {
    List<IndexDocument> versions = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 2_000; i++) {
        String word = round == 2 ? "orchard" : "meadow";
        versions.add(en("plot-" + i, "Plot " + i, "Rent a " + word + " plot.", "Round " + round));
      }
    }
    List<Long> progress = new ArrayList<>();
    try (SearchIndex index = SearchIndex.open(dir)) {

      index.rebuild(versions, 3, progress::add);

      assertThat(index.documentCount()).isEqualTo(2_000);
      assertThat(index.search(query("orchard", "en")).total()).isEqualTo(2_000);
      assertThat(index.search(query("meadow", "en")).total()).isZero();
      assertThat(progress).hasSize(versions.size()).endsWith((long) versions.size());
      assertThat(progress).isSorted();
    }
  }

  @Test
  void documentThatAnIndexingThreadRefusesLeavesTheOldContent() throws IOException {
    List<IndexDocument> many = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      // Lucene refuses a term over 32,766 bytes: the key of document 2,500 is one
      String id = i == 2_500 ? "x".repeat(40_000) : "plot-" + i;
      many.add(en(id, "Plot " + i, "Rent an orchard plot.", "Waiting list."));
    }
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(List.of(SampleDocuments.PASSPORT_EN), List.of(), 5);

      assertThatThrownBy(() -> index.rebuild(many, 6)).isInstanceOf(IllegalArgumentException.class);

      assertThat(index.checkpoint()).isEqualTo(5);
      assertThat(ids(index.search(query("passport", "en")))).containsExactly("passport");
      assertThat(index.search(query("orchard", "en")).total()).isZero();
      index.rebuild(many.subList(0, 2_000), 7);
      assertThat(index.search(query("orchard", "en")).total()).isEqualTo(2_000);
    }
  }

  private static SearchQuery pageOfOne(String text) {
    return new SearchQuery(text, List.of("en"), 1, SampleDocuments.VISITOR);
  }

  private static void rebuild(SearchIndex index, Iterable<IndexDocument> all, List<Long> progress) {
    try {
      index.rebuild(all, 6, progress::add);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<IndexDocument> allotments() {
    List<IndexDocument> documents = new ArrayList<>();
    for (int i = 0; i < NEW_DOCUMENTS; i++) {
      documents.add(en("allotment-" + i, "Allotment " + i, "Rent an allotment.", "Waiting list."));
    }
    return documents;
  }

  /** The allotments, stopping after half of them until {@code resume} opens. */
  private static Iterator<IndexDocument> pausingHalfWay(
      CountDownLatch halfWay, CountDownLatch resume) {
    Iterator<IndexDocument> all = allotments().iterator();
    return new Iterator<>() {
      private int given;

      @Override
      public boolean hasNext() {
        return all.hasNext();
      }

      @Override
      public IndexDocument next() {
        if (given++ == NEW_DOCUMENTS / 2) {
          halfWay.countDown();
          try {
            resume.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
        return all.next();
      }
    };
  }
}
