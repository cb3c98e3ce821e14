package org.civicportal.benchmark;

import java.util.List;

/**
 * One page of the shared corpus in one language.
 *
 * @param key unique within the corpus, e.g. {@code "particuliers:F1"}
 * @param language ISO 639-1 code
 * @param title the page's title
 * @param summary its description, possibly empty
 * @param body its full text, possibly empty
 * @param sentences sentences of the body (or of the summary when there is no body) worth reusing
 */
public record SourcePage(
    String key,
    String language,
    String title,
    String summary,
    String body,
    List<String> sentences) {

  public SourcePage {
    sentences = List.copyOf(sentences);
  }
}
