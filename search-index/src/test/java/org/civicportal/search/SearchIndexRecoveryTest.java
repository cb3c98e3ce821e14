package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicportal.search.SearchIndexTest.ids;
import static org.civicportal.search.SearchIndexTest.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.civicportal.search.schema.SearchFields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unreadable index is discarded at open and can be rebuilt; nothing else is touched. */
class SearchIndexRecoveryTest {

  @TempDir Path dir;

  @BeforeEach
  void indexSampleDocuments() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      index.rebuild(SampleDocuments.ALL, 7);
    }
  }

  @Test
  void healthyIndexOpensAsItWas() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {

      assertThat(index.needsRebuild()).isFalse();
      assertThat(index.documentCount()).isEqualTo(SampleDocuments.ALL.size());
    }
  }

  @Test
  void garbageSegmentsFileNeedsRebuild() throws IOException {
    byte[] garbage = new byte[256];
    Arrays.fill(garbage, (byte) 0x5A);
    Files.write(onlyFile("segments_"), garbage);

    assertOpensEmptyAndRebuilds();
  }

  @Test
  void truncatedSegmentsFileNeedsRebuild() throws IOException {
    Path segments = onlyFile("segments_");
    byte[] head = Arrays.copyOf(Files.readAllBytes(segments), 20);
    Files.write(segments, head, StandardOpenOption.TRUNCATE_EXISTING);

    assertOpensEmptyAndRebuilds();
  }

  @Test
  void missingCompoundFileNeedsRebuild() throws IOException {
    Files.delete(onlyFile(".cfs"));

    assertOpensEmptyAndRebuilds();
  }

  @Test
  void missingSegmentInfoNeedsRebuild() throws IOException {
    Files.delete(onlyFile(".si"));

    assertOpensEmptyAndRebuilds();
  }

  @Test
  void corruptCompoundFileHeaderNeedsRebuild() throws IOException {
    Path compound = onlyFile(".cfs");
    byte[] bytes = Files.readAllBytes(compound);
    Arrays.fill(bytes, 0, 8, (byte) 0);
    Files.write(compound, bytes);

    assertOpensEmptyAndRebuilds();
  }

  @Test
  void filesThatAreNotTheIndexSurviveRecovery() throws IOException {
    Path notes = dir.resolve("README.txt");
    Files.writeString(notes, "operator notes", StandardCharsets.UTF_8);
    Files.delete(onlyFile(".cfs"));

    try (SearchIndex index = SearchIndex.open(dir)) {

      assertThat(index.needsRebuild()).isTrue();
      assertThat(notes).hasContent("operator notes");
    }
  }

  @Test
  void indexOfAnOlderSchemaAnswersAndAsksForARebuild() throws IOException {
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig().setOpenMode(OpenMode.APPEND))) {
      // what version 1 wrote: a checkpoint, no schema version
      writer.setLiveCommitData(Map.of(SearchFields.CHECKPOINT, "7").entrySet());
      writer.commit();
    }

    try (SearchIndex index = SearchIndex.open(dir)) {
      assertThat(index.needsRebuild()).isTrue();
      assertThat(index.checkpoint()).isEqualTo(7);
      assertThat(ids(index.search(query("passport", "en")))).contains("passport");

      index.apply(List.of(), List.of(), 8);
      assertThat(index.needsRebuild()).isTrue();

      index.rebuild(SampleDocuments.ALL, 9);
      assertThat(index.needsRebuild()).isFalse();
    }
    try (SearchIndex reopened = SearchIndex.open(dir)) {
      assertThat(reopened.needsRebuild()).isFalse();
    }
  }

  private void assertOpensEmptyAndRebuilds() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir)) {
      assertThat(index.needsRebuild()).isTrue();
      assertThat(index.checkpoint()).isZero();
      assertThat(index.documentCount()).isZero();
      assertThat(index.search(query("passport", "en")).total()).isZero();

      index.rebuild(SampleDocuments.ALL, 8);

      assertThat(index.needsRebuild()).isFalse();
      assertThat(ids(index.search(query("passport", "en")))).contains("passport");
    }
    try (SearchIndex reopened = SearchIndex.open(dir)) {
      assertThat(reopened.needsRebuild()).isFalse();
      assertThat(reopened.checkpoint()).isEqualTo(8);
    }
  }

  private Path onlyFile(String namePart) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> matching =
          files.filter(file -> file.getFileName().toString().contains(namePart)).toList();
      assertThat(matching).as("index files containing %s", namePart).hasSize(1);
      return matching.get(0);
    }
  }
}
