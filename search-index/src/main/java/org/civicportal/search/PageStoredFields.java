package org.civicportal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;

/**
 * The stored fields of one search's hits, each document read (decompressed) from the index once:
 * the hit's own fields, then the highlighter's text and the snippet's fallback are replayed from
 * what the first read kept, instead of decompressing the same block two or three times.
 *
 * <p>A replay shows a visitor exactly what a read from the index would: every stored field in
 * order, each value only when the visitor asks for it. A value the first read did not keep (it was
 * not asked for, e.g. a long attachment text) is read from the index from that field on. Not
 * thread-safe, like the {@link StoredFields} it wraps; it lives as long as one search.
 */
final class PageStoredFields extends StoredFields {

  /** One stored field of a document, with its value if the first read kept it. */
  private record Entry(FieldInfo field, Object value) {}

  private final StoredFields index;
  private final Map<Integer, List<Entry>> documents = new HashMap<>();

  PageStoredFields(StoredFields index) {
    this.index = index;
  }

  @Override
  public void document(int doc, StoredFieldVisitor visitor) throws IOException {
    List<Entry> kept = documents.get(doc);
    if (kept == null) {
      Recorder recorder = new Recorder(visitor);
      index.document(doc, recorder);
      documents.put(doc, recorder.entries);
      return;
    }
    for (int i = 0; i < kept.size(); i++) {
      Entry entry = kept.get(i);
      StoredFieldVisitor.Status status = visitor.needsField(entry.field());
      if (status == StoredFieldVisitor.Status.STOP) {
        return;
      }
      if (status == StoredFieldVisitor.Status.YES) {
        if (entry.value() == null) {
          index.document(doc, new From(i, visitor));
          return;
        }
        deliver(entry, visitor);
      }
    }
  }

  private static void deliver(Entry entry, StoredFieldVisitor visitor) throws IOException {
    FieldInfo field = entry.field();
    Object value = entry.value();
    if (value instanceof String text) {
      visitor.stringField(field, text);
    } else if (value instanceof byte[] bytes) {
      visitor.binaryField(field, bytes.clone());
    } else if (value instanceof Integer number) {
      visitor.intField(field, number);
    } else if (value instanceof Long number) {
      visitor.longField(field, number);
    } else if (value instanceof Float number) {
      visitor.floatField(field, number);
    } else {
      visitor.doubleField(field, (Double) value);
    }
  }

  /**
   * Passes a read to the visitor and keeps every field's name and, where the visitor asked for it,
   * its value. A visitor that stops early sees no more, but the rest is still listed.
   */
  private static final class Recorder extends StoredFieldVisitor {
    private final StoredFieldVisitor visitor;
    private final List<Entry> entries = new ArrayList<>();
    private boolean stopped;

    Recorder(StoredFieldVisitor visitor) {
      this.visitor = visitor;
    }

    @Override
    public Status needsField(FieldInfo field) throws IOException {
      Status status = stopped ? Status.NO : visitor.needsField(field);
      if (status == Status.STOP) {
        stopped = true;
      }
      if (status == Status.YES) {
        return Status.YES; // the value arrives next and is kept there
      }
      entries.add(new Entry(field, null));
      return Status.NO;
    }

    @Override
    public void stringField(FieldInfo field, String value) throws IOException {
      entries.add(new Entry(field, value));
      visitor.stringField(field, value);
    }

    @Override
    public void binaryField(FieldInfo field, byte[] value) throws IOException {
      entries.add(new Entry(field, value.clone()));
      visitor.binaryField(field, value);
    }

    @Override
    public void intField(FieldInfo field, int value) throws IOException {
      entries.add(new Entry(field, value));
      visitor.intField(field, value);
    }

    @Override
    public void longField(FieldInfo field, long value) throws IOException {
      entries.add(new Entry(field, value));
      visitor.longField(field, value);
    }

    @Override
    public void floatField(FieldInfo field, float value) throws IOException {
      entries.add(new Entry(field, value));
      visitor.floatField(field, value);
    }

    @Override
    public void doubleField(FieldInfo field, double value) throws IOException {
      entries.add(new Entry(field, value));
      visitor.doubleField(field, value);
    }
  }

  /** A read from the index that shows the visitor only the fields from the {@code first}th on. */
  private static final class From extends StoredFieldVisitor {
    private final int first;
    private final StoredFieldVisitor visitor;
    private int seen;

    From(int first, StoredFieldVisitor visitor) {
      this.first = first;
      this.visitor = visitor;
    }

    @Override
    public Status needsField(FieldInfo field) throws IOException {
      return seen++ < first ? Status.NO : visitor.needsField(field);
    }

    @Override
    public void stringField(FieldInfo field, String value) throws IOException {
      visitor.stringField(field, value);
    }

    @Override
    public void binaryField(FieldInfo field, byte[] value) throws IOException {
      visitor.binaryField(field, value);
    }

    @Override
    public void intField(FieldInfo field, int value) throws IOException {
      visitor.intField(field, value);
    }

    @Override
    public void longField(FieldInfo field, long value) throws IOException {
      visitor.longField(field, value);
    }

    @Override
    public void floatField(FieldInfo field, float value) throws IOException {
      visitor.floatField(field, value);
    }

    @Override
    public void doubleField(FieldInfo field, double value) throws IOException {
      visitor.doubleField(field, value);
    }
  }
}
