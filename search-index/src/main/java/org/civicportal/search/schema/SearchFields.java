package org.civicportal.search.schema;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Field names and field types of the search index.
 *
 * <p>Text is indexed in one field per language ({@code title_fr}, {@code body_en}...) rather than
 * in one shared field: each language gets its own analyzer (stop words and stemming differ), and a
 * search restricted to some languages is just a choice of fields, with no filter clause.
 */
public final class SearchFields {

  /** Unique document key; the term that {@code updateDocument} and deletes address. */
  public static final String KEY = "key";

  /** Kind of record (service, page, request...); a keyword so it can be filtered and faceted. */
  public static final String TYPE = "type";

  /** Identifier of the record within its type. */
  public static final String ID = "id";

  /** ISO 639-1 code of the document's language. */
  public static final String LANGUAGE = "language";

  /**
   * Other languages the document's record is indexed in (a keyword per language, absent when none):
   * which versions may stand in for each other when a search covers several languages.
   */
  public static final String TRANSLATED_INTO = "translatedInto";

  /**
   * Tenant, type and id of a document that has translations (sorted doc values only): the versions
   * of one record share it.
   */
  public static final String RECORD = "record";

  /** Code of the tenant that owns the document; every search filters on it. */
  public static final String TENANT = "tenant";

  /**
   * {@link #YES} on a document published to the public (absent on staff records): the only
   * documents the public's audience searches.
   */
  public static final String PUBLISHED = "published";

  /** The value of a yes/no keyword field that is set. */
  public static final String YES = "y";

  /** Rank of the document's classification level (0 = the tenant's lowest), as an int point. */
  public static final String LEVEL = "level";

  /**
   * The same rank as a keyword ({@code "0"}, {@code "1"}...), for the level facet and filter. A
   * separate field because Lucene fixes a field's data structures for the life of the index, and
   * {@link #LEVEL} was created with points only.
   */
  public static final String LEVEL_RANK = "levelRank";

  /** Agency that publishes the record; a keyword for filters and facets, absent when unknown. */
  public static final String AGENCY = "agency";

  /** Subject category of the record; a keyword for filters and facets, absent when unknown. */
  public static final String CATEGORY = "category";

  /**
   * When the record last changed, in epoch milliseconds: points for filters, doc values for facets.
   */
  public static final String UPDATED = "updated";

  /**
   * The document's compartments, plus {@link #EVERY_DOCUMENT}: with the count below, a reader's
   * search matches a document only when the reader holds all of them.
   */
  public static final String COMPARTMENT = "compartment";

  /** How many {@link #COMPARTMENT} values the document has (doc values, read per document). */
  public static final String COMPARTMENT_COUNT = "compartmentCount";

  /** Compartment value that every document has and every reader holds, so the count is never 0. */
  public static final String EVERY_DOCUMENT = "*";

  /** Nationalities the document is releasable to, or {@link #EVERYONE}. */
  public static final String RELEASABLE_TO = "releasableTo";

  /** {@link #RELEASABLE_TO} value of a document without releasability restriction. */
  public static final String EVERYONE = "*";

  /** Commit user-data key holding the last applied outbox position, as a decimal string. */
  public static final String CHECKPOINT = "civic.checkpoint";

  /** Commit user-data key holding the {@link #SCHEMA_VERSION} the documents were written with. */
  public static final String SCHEMA = "civic.schema";

  /**
   * Version of this schema. An index written with another (or none, before version 2) still
   * answers, and asks to be rebuilt, because its documents lack the fields added since (3: which
   * languages each record is translated into; 4: which documents are published to the public).
   */
  public static final String SCHEMA_VERSION = "4";

  private static final String TITLE = "title";
  private static final String SUMMARY = "summary";
  private static final String BODY = "body";
  private static final String ATTACHMENTS = "attachments";
  private static final String WORDS = "words";

  /**
   * Analysed, stored text with offsets in the postings. Stored because hits show the title and a
   * snippet; offsets in the postings let the UnifiedHighlighter find passages without re-analysing
   * the stored text or keeping term vectors, which would cost more disk for the same result.
   */
  public static final FieldType TEXT;

  /**
   * The words offered as suggestions: only which documents contain a word matters (to count the
   * visible ones), so no frequencies, positions, norms or stored text.
   */
  public static final FieldType WORDS_TYPE;

  static {
    FieldType text = new FieldType();
    text.setTokenized(true);
    text.setStored(true);
    text.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    text.freeze();
    TEXT = text;
    FieldType words = new FieldType();
    words.setTokenized(true);
    words.setOmitNorms(true);
    words.setIndexOptions(IndexOptions.DOCS);
    words.freeze();
    WORDS_TYPE = words;
  }

  private SearchFields() {}

  /** Title field for a language, e.g. {@code title_fr}. */
  public static String title(String language) {
    return TITLE + '_' + language;
  }

  /** Summary field for a language, e.g. {@code summary_fr}. */
  public static String summary(String language) {
    return SUMMARY + '_' + language;
  }

  /** Body field for a language, e.g. {@code body_fr}. */
  public static String body(String language) {
    return BODY + '_' + language;
  }

  /**
   * Text of files attached to the record, e.g. {@code attachments_fr}; searched and highlighted.
   */
  public static String attachments(String language) {
    return ATTACHMENTS + '_' + language;
  }

  /**
   * Suggestion words of a language, e.g. {@code words_fr}: the unstemmed words of titles and
   * summaries, each indexed as its folded form and its displayed form (see {@code
   * analysis.SuggestionWords}).
   */
  public static String words(String language) {
    return WORDS + '_' + language;
  }

  /**
   * Language of a per-language text field ({@code "fr"} for {@code body_fr}), or {@code null} for
   * any other field. Analyzers are chosen by this suffix.
   */
  public static String languageOf(String field) {
    int underscore = field.lastIndexOf('_');
    if (underscore < 0) {
      return null;
    }
    String base = field.substring(0, underscore);
    boolean text =
        base.equals(TITLE) || base.equals(SUMMARY) || base.equals(BODY) || base.equals(ATTACHMENTS);
    return text ? field.substring(underscore + 1) : null;
  }

  /**
   * Language of a suggestion-words field ({@code "fr"} for {@code words_fr}), else {@code null}.
   */
  public static String wordsLanguageOf(String field) {
    int underscore = field.lastIndexOf('_');
    return underscore >= 0 && field.substring(0, underscore).equals(WORDS)
        ? field.substring(underscore + 1)
        : null;
  }
}
