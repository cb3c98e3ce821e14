package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A document read again from {@link PageStoredFields} looks exactly as read from the index. */
class PageStoredFieldsTest {

  @Test
  void secondReadsGiveWhatTheIndexGives() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        Document doc = new Document();
        doc.add(new StringField("id", "42", Field.Store.YES));
        doc.add(new StoredField("title", "Renew a passport"));
        doc.add(new StoredField("body", "First part."));
        doc.add(new StoredField("body", "Second part."));
        doc.add(new StoredField("attachments", "A long attached text."));
        doc.add(new StoredField("size", 7L));
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        StoredFields index = reader.storedFields();
        PageStoredFields page = new PageStoredFields(reader.storedFields());
        List<Set<String>> reads =
            List.of(
                Set.of("id", "title", "body"),
                Set.of("body"),
                Set.of("title", "attachments"),
                Set.of("size", "id"),
                Set.of("id", "title", "body", "attachments", "size"));

        for (Set<String> fields : reads) {
          assertThat(values(page.document(0, fields)))
              .as("fields %s", fields)
              .isEqualTo(values(index.document(0, fields)));
        }
      }
    }
  }

  private static List<String> values(Document document) {
    return document.getFields().stream()
        .map(
            (IndexableField field) ->
                field.name()
                    + "="
                    + (field.stringValue() != null ? field.stringValue() : field.numericValue()))
        .toList();
  }
}
