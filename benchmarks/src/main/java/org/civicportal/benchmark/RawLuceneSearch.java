package org.civicportal.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.civicportal.search.analysis.LanguageAnalyzers;
import org.civicportal.search.query.CitizenQueryParser;

/**
 * The baseline: Lucene's own {@link IndexSearcher} on the directory {@code SearchIndex} wrote, with
 * the query {@code SearchIndex} would build (its public parser and analyzers), and nothing else:
 * BM25 top 10 with Lucene's default hit-count threshold (so scoring may skip documents that cannot
 * make the top 10), no visibility filter, statistics over the whole index, no stored fields, no
 * snippets.
 */
public final class RawLuceneSearch implements AutoCloseable {

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final CitizenQueryParser parser;

  public RawLuceneSearch(Path indexDir) throws IOException {
    directory = FSDirectory.open(indexDir);
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
    analyzer = LanguageAnalyzers.perField();
    parser = new CitizenQueryParser(analyzer);
  }

  /** The best {@link BenchQuery#TOP} documents; empty when the text leaves nothing to search. */
  public TopDocs search(BenchQuery query) throws IOException {
    Optional<Query> parsed = parser.parse(query.text(), List.of(query.language()));
    return parsed.isEmpty()
        ? new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0])
        : searcher.search(parsed.get(), BenchQuery.TOP);
  }

  /** Exactly how many documents match, in any tenant or level. */
  public int count(BenchQuery query) throws IOException {
    Optional<Query> parsed = parser.parse(query.text(), List.of(query.language()));
    return parsed.isEmpty() ? 0 : searcher.count(parsed.get());
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(reader, directory, analyzer);
  }
}
