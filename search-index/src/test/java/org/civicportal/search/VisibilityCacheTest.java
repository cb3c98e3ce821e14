package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicportal.search.SampleDocuments.en;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audience filter runs once per segment and audience, not once per search; and statistics over
 * the cached visible documents are the same as if nothing else were indexed.
 */
class VisibilityCacheTest {

  private static final Audience STAFF = new Audience(SampleDocuments.TENANT, 2, Set.of(), null);

  @TempDir Path dir;

  @Test
  void filterRunsOncePerSegmentAndAudience() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, 20), List.of(), 1);
      long before = index.visibility().filterRuns();

      for (int i = 0; i < 5; i++) {
        index.search(query(SampleDocuments.VISITOR));
        index.suggest("perm", List.of("en"), SampleDocuments.VISITOR, 5);
      }
      long afterVisitor = index.visibility().filterRuns();
      index.search(query(STAFF));
      index.search(query(STAFF));
      long afterStaff = index.visibility().filterRuns();

      assertThat(afterVisitor - before).isEqualTo(1);
      assertThat(afterStaff - afterVisitor).isEqualTo(1);
    }
  }

  @Test
  void newCommitRunsTheFilterOnNewSegmentsOnly() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.apply(permits(0, 20), List.of(), 1);
      index.search(query(SampleDocuments.VISITOR));
      long warm = index.visibility().filterRuns();

      index.apply(permits(20, 25), List.of(), 2);
      SearchResult afterAdd = index.search(query(SampleDocuments.VISITOR));
      long afterNewSegment = index.visibility().filterRuns();
      index.apply(List.of(), List.of("service:permit-3:en", "service:permit-21:en"), 3);
      SearchResult afterDelete = index.search(query(SampleDocuments.VISITOR));
      long afterDeletes = index.visibility().filterRuns();

      assertThat(afterAdd.total()).isEqualTo(25);
      assertThat(afterNewSegment - warm).isEqualTo(1);
      assertThat(afterDelete.total()).isEqualTo(23);
      assertThat(afterDeletes - afterNewSegment).isZero();
    }
  }

  @Test
  void deletedAndHiddenDocumentsCountInNoStatistic() throws IOException {
    Path plain = dir.resolve("plain");
    Path busy = dir.resolve("busy");
    try (SearchIndex index = SearchIndex.open(plain)) {
      index.apply(permits(0, 10), List.of(), 1);
    }
    try (SearchIndex index = SearchIndex.open(busy)) {
      index.apply(permits(0, 10), List.of(), 1);
      List<IndexDocument> noise = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        noise.add(
            new IndexDocument(
                "secret:" + i,
                "memo",
                "s" + i,
                "en",
                "Permit permit permit " + i,
                "Permit for the secret base.",
                "Permit.",
                new Visibility(SampleDocuments.TENANT, 3, Set.of(), Set.of())));
        noise.add(en("gone-" + i, "Permit " + i, "A permit that is withdrawn.", "Permit permit."));
      }
      index.apply(noise, List.of(), 2);
      List<String> withdrawn = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        withdrawn.add("service:gone-" + i + ":en");
      }
      index.apply(List.of(), withdrawn, 3);
    }

    try (Directory a = FSDirectory.open(plain);
        DirectoryReader readerA = DirectoryReader.open(a);
        Directory b = FSDirectory.open(busy);
        DirectoryReader readerB = DirectoryReader.open(b)) {
      AudienceSearcher searcherA =
          new AudienceSearcher(readerA, STAFF, new VisibilityCache(1 << 20));
      AudienceSearcher searcherB =
          new AudienceSearcher(readerB, STAFF, new VisibilityCache(1 << 20));
      Term permit = new Term("title_en", new BytesRef("permit"));

      TermStatistics termA = searcherA.termStatistics(permit, 1, 1);
      TermStatistics termB = searcherB.termStatistics(permit, 1, 1);
      CollectionStatistics fieldA = searcherA.collectionStatistics("title_en");
      CollectionStatistics fieldB = searcherB.collectionStatistics("title_en");

      assertThat(readerB.maxDoc()).isGreaterThan(readerA.maxDoc());
      assertThat(termB.docFreq()).isEqualTo(termA.docFreq()).isEqualTo(10);
      assertThat(termB.totalTermFreq()).isEqualTo(termA.totalTermFreq());
      assertThat(fieldB.docCount()).isEqualTo(fieldA.docCount());
      assertThat(fieldB.sumTotalTermFreq()).isEqualTo(fieldA.sumTotalTermFreq());
      assertThat(fieldB.maxDoc()).isEqualTo(fieldA.maxDoc());
    }
  }

  @Test
  void boundedCacheStillAnswersCorrectly() throws IOException {
    VisibilityCache tiny = new VisibilityCache(1);
    Path index = dir.resolve("index");
    try (SearchIndex writing = SearchIndex.open(index)) {
      writing.apply(permits(0, 10), List.of(), 1);
    }
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (Audience audience : List.of(SampleDocuments.VISITOR, STAFF, SampleDocuments.VISITOR)) {
        AudienceSearcher searcher = new AudienceSearcher(reader, audience, tiny);

        assertThat(searcher.count(searcher.visibleDocs())).isEqualTo(10);
      }
      assertThat(tiny.filterRuns()).isEqualTo(3);
    }
  }

  private static SearchQuery query(Audience audience) {
    return new SearchQuery("permit", List.of("en"), 10, audience);
  }

  private static List<IndexDocument> permits(int from, int to) {
    List<IndexDocument> permits = new ArrayList<>();
    for (int i = from; i < to; i++) {
      permits.add(en("permit-" + i, "Permit " + i, "Parking permit.", "Apply online."));
    }
    return permits;
  }
}
