package org.civicportal.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
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
    // Only the document's own language's fields are filled: that is what makes a search in
    // French never return an English document.
    String language = source.language();
    doc.add(new Field(SearchFields.title(language), source.title(), SearchFields.TEXT));
    doc.add(new Field(SearchFields.summary(language), source.summary(), SearchFields.TEXT));
    doc.add(new Field(SearchFields.body(language), source.body(), SearchFields.TEXT));
    return doc;
  }

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
