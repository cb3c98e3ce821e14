package org.civicportal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CoveringQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.civicportal.search.schema.SearchFields;

/** Maps {@link IndexDocument}s to Lucene documents and stored documents back to hits. */
final class Documents {

  private Documents() {}

  /** The term that identifies a document for updates and deletes. */
  static Term keyTerm(String key) {
    return new Term(SearchFields.KEY, key);
  }

  static Document toLucene(IndexDocument source) {
    Document doc = new Document();
    // Key and id are exact handles, never searched as text: indexed whole, no doc values needed.
    doc.add(new StringField(SearchFields.KEY, source.key(), Field.Store.YES));
    doc.add(new StringField(SearchFields.ID, source.id(), Field.Store.YES));
    // KeywordField also writes sorted-set doc values, so results can later be filtered and
    // faceted by type and language without reindexing.
    doc.add(new KeywordField(SearchFields.TYPE, source.type(), Field.Store.YES));
    doc.add(new KeywordField(SearchFields.LANGUAGE, source.language(), Field.Store.YES));
    // Facet and filter keywords; an unknown agency or category is no value at all, so it is
    // neither counted nor matched.
    if (!source.agency().isEmpty()) {
      doc.add(new KeywordField(SearchFields.AGENCY, source.agency(), Field.Store.NO));
    }
    if (!source.category().isEmpty()) {
      doc.add(new KeywordField(SearchFields.CATEGORY, source.category(), Field.Store.NO));
    }
    doc.add(
        new KeywordField(
            SearchFields.LEVEL_RANK,
            Integer.toString(source.visibility().level()),
            Field.Store.NO));
    if (source.updated() != null) {
      // LongField: points for the range filter, doc values for the range facet.
      doc.add(new LongField(SearchFields.UPDATED, source.updated().toEpochMilli(), Field.Store.NO));
    }
    // Which versions of the record stand in for each other in a search over several languages.
    if (!source.translations().isEmpty()) {
      for (String other : source.translations()) {
        doc.add(new StringField(SearchFields.TRANSLATED_INTO, other, Field.Store.NO));
      }
      doc.add(new SortedDocValuesField(SearchFields.RECORD, recordOf(source)));
    }
    // Access fields: indexed, never stored or shown. The filter built from an Audience reads them.
    Visibility visibility = source.visibility();
    doc.add(new StringField(SearchFields.TENANT, visibility.tenant(), Field.Store.NO));
    if (visibility.published()) {
      doc.add(new StringField(SearchFields.PUBLISHED, SearchFields.YES, Field.Store.NO));
    }
    doc.add(new IntPoint(SearchFields.LEVEL, visibility.level()));
    doc.add(new StringField(SearchFields.COMPARTMENT, SearchFields.EVERY_DOCUMENT, Field.Store.NO));
    for (String compartment : visibility.compartments()) {
      doc.add(new StringField(SearchFields.COMPARTMENT, compartment, Field.Store.NO));
    }
    doc.add(
        new NumericDocValuesField(
            SearchFields.COMPARTMENT_COUNT, visibility.compartments().size() + 1L));
    if (visibility.releasableTo().isEmpty()) {
      doc.add(new StringField(SearchFields.RELEASABLE_TO, SearchFields.EVERYONE, Field.Store.NO));
    }
    for (String nation : visibility.releasableTo()) {
      doc.add(new StringField(SearchFields.RELEASABLE_TO, nation, Field.Store.NO));
    }
    // Only the document's own language's fields are filled: that is what makes a search in
    // French never return an English document.
    String language = source.language();
    doc.add(new Field(SearchFields.title(language), source.title(), SearchFields.TEXT));
    doc.add(new Field(SearchFields.summary(language), source.summary(), SearchFields.TEXT));
    doc.add(new Field(SearchFields.body(language), source.body(), SearchFields.TEXT));
    if (!source.attachments().isEmpty()) {
      doc.add(
          new Field(SearchFields.attachments(language), source.attachments(), SearchFields.TEXT));
    }
    // Suggestions come from titles and summaries only: they name what a record is about, while
    // bodies and attachments would offer every word of every page.
    String words = SearchFields.words(language);
    doc.add(new Field(words, source.title(), SearchFields.WORDS_TYPE));
    doc.add(new Field(words, source.summary(), SearchFields.WORDS_TYPE));
    return doc;
  }

  /** What the versions of one record share: tenant, type and id. */
  static BytesRef recordOf(IndexDocument source) {
    return new BytesRef(
        source.visibility().tenant() + '\u001f' + source.type() + '\u001f' + source.id());
  }

  /**
   * The documents an audience may see: its tenant's, and for the public only the published ones;
   * for staff, at or below its level, with no compartment it does not hold, and releasable to its
   * nationality. Used as a non-scoring filter, so totals count only what the audience may see.
   */
  static Query visibleTo(Audience audience) {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filter.add(new TermQuery(new Term(SearchFields.TENANT, audience.tenant())), Occur.FILTER);
    if (!audience.staff()) {
      // The public reads what was published to it, never what a label alone would admit: a staff
      // record at the lowest level must not shape its totals, facets, suggestions or corrections.
      filter.add(new TermQuery(new Term(SearchFields.PUBLISHED, SearchFields.YES)), Occur.FILTER);
      return filter.build();
    }
    filter.add(IntPoint.newRangeQuery(SearchFields.LEVEL, 0, audience.maxLevel()), Occur.FILTER);
    List<Query> held = new ArrayList<>();
    held.add(new TermQuery(new Term(SearchFields.COMPARTMENT, SearchFields.EVERY_DOCUMENT)));
    for (String compartment : audience.compartments()) {
      held.add(new TermQuery(new Term(SearchFields.COMPARTMENT, compartment)));
    }
    // Matches a document only if at least compartmentCount of the held terms match it, i.e. the
    // reader holds every compartment the document has (the EVERY_DOCUMENT term keeps it above 0).
    filter.add(
        new CoveringQuery(held, LongValuesSource.fromLongField(SearchFields.COMPARTMENT_COUNT)),
        Occur.FILTER);
    BooleanQuery.Builder releasable = new BooleanQuery.Builder();
    releasable.add(
        new TermQuery(new Term(SearchFields.RELEASABLE_TO, SearchFields.EVERYONE)), Occur.SHOULD);
    if (audience.nationality() != null) {
      releasable.add(
          new TermQuery(new Term(SearchFields.RELEASABLE_TO, audience.nationality())),
          Occur.SHOULD);
    }
    for (String value : audience.releasedAs()) {
      releasable.add(new TermQuery(new Term(SearchFields.RELEASABLE_TO, value)), Occur.SHOULD);
    }
    filter.add(releasable.build(), Occur.FILTER);
    return filter.build();
  }

  /** Stored fields a hit shows, besides the title of its language. */
  static final Set<String> HIT_FIELDS =
      Set.of(SearchFields.TYPE, SearchFields.ID, SearchFields.LANGUAGE);

  static SearchHit toHit(Document stored, String snippet) {
    String language = stored.get(SearchFields.LANGUAGE);
    return new SearchHit(
        stored.get(SearchFields.TYPE),
        stored.get(SearchFields.ID),
        language,
        stored.get(SearchFields.title(language)),
        snippet);
  }
}
