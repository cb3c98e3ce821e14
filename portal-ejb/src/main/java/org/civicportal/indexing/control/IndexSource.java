package org.civicportal.indexing.control;

import java.util.Collection;
import java.util.List;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchLanguages;

/**
 * One kind of record the search index holds (services, staff documents...), read for the {@code
 * CurrentTenant}: what the index should now hold for some records, or for all of them.
 */
public interface IndexSource {

  /** The outbox entity type this source reads, e.g. {@code service}. */
  String type();

  /** The documents these records should have in the index now; none for a record that is gone. */
  List<IndexDocument> current(Collection<Long> ids);

  /** Every document the current tenant's records of this type should have. */
  List<IndexDocument> all();

  /** Every key a record may have in the index, in any language. */
  default List<String> keysOf(String tenant, long id) {
    return SearchLanguages.supported().stream().map(lang -> key(tenant, type(), id, lang)).toList();
  }

  static String key(String tenant, String type, long id, String language) {
    return tenant + ":" + type + ":" + id + ":" + language;
  }
}
