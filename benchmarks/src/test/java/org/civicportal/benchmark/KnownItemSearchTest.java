package org.civicportal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.civicportal.search.Audience;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchHit;
import org.civicportal.search.SearchIndex;
import org.civicportal.search.SearchQuery;
import org.civicportal.search.Visibility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relevance on real pages (issue #6): a citizen who types the title of a service-public.fr page
 * finds that page near the top. All French pages of the corpus are indexed through {@code
 * SearchIndex}; 200 titles drawn with a fixed seed are searched as typed (their words, in French).
 */
class KnownItemSearchTest {

  private static final int SAMPLE = 200;
  private static final long SEED = 6;
  private static final String TENANT = "demo";
  // Words as a person types them: letters and digits, keeping elisions like "d'identité" whole.
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");

  @TempDir Path dir;

  @Test
  void typedFrenchTitlesFindTheirPageInTheTopFive() throws IOException {
    Assumptions.assumeTrue(
        CorpusText.available(), "no corpus at " + CorpusText.root().toAbsolutePath());
    List<SourcePage> pages = CorpusText.servicePublicPages();
    List<SourcePage> sample = new ArrayList<>(pages);
    Collections.shuffle(sample, new Random(SEED));
    sample = sample.subList(0, SAMPLE);
    int inTopFive = 0;
    double reciprocalRanks = 0;

    try (SearchIndex index = SearchIndex.open(dir)) {
      index.rebuild(pages.stream().map(KnownItemSearchTest::document).toList(), 1);
      for (SourcePage page : sample) {
        int rank = rankOf(index, page);
        inTopFive += rank >= 1 && rank <= 5 ? 1 : 0;
        reciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
      }
    }

    double hitAtFive = (double) inTopFive / SAMPLE;
    double mrrAtTen = reciprocalRanks / SAMPLE;
    System.out.printf(
        Locale.ROOT,
        "Known-item search, %d service-public.fr titles of %d pages: hit@5 = %.3f, MRR@10 = %.3f%n",
        SAMPLE,
        pages.size(),
        hitAtFive,
        mrrAtTen);
    assertThat(hitAtFive).isGreaterThanOrEqualTo(0.9);
  }

  /** The page's rank (1 = first) in the top 10 for its typed title, or 0 when not in it. */
  private static int rankOf(SearchIndex index, SourcePage page) throws IOException {
    String typed =
        String.join(" ", WORD.matcher(page.title()).results().map(MatchResult::group).toList());
    List<SearchHit> hits =
        index.search(new SearchQuery(typed, List.of("fr"), 10, Audience.publicOf(TENANT))).hits();
    for (int i = 0; i < hits.size(); i++) {
      if (hits.get(i).id().equals(page.key())) {
        return i + 1;
      }
    }
    return 0;
  }

  private static IndexDocument document(SourcePage page) {
    return new IndexDocument(
        "page:" + page.key(),
        "page",
        page.key(),
        "fr",
        page.title(),
        page.summary(),
        page.body(),
        Visibility.publicIn(TENANT));
  }
}
