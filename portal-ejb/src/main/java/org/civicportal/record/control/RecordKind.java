package org.civicportal.record.control;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicportal.identity.control.Subject;
import org.civicportal.search.IndexDocument;
import org.civicportal.search.SearchHit;
import org.civicportal.search.SearchLanguages;

/**
 * One kind of labelled record, described once in its own feature and registered as a CDI bean: its
 * name, what the search index holds of it, how a search hit of it is shown to a subject who may see
 * it, and, for kinds that devices carry, how it stands for a device and how a device's edit is
 * applied. Every method reads through {@code ClearancePolicy}: what a kind hands out is already
 * decided visible for the subject or device, so no caller can forget a check.
 *
 * <p>Methods that read the index's view ({@link #current}, {@link #all}) run for the current tenant
 * in a transaction of their own; the others run in the caller's transaction.
 */
public interface RecordKind {

  /**
   * The kind's one name ({@code service}, {@code document}, {@code request}...): in the index, the
   * outbox, the change log, conflicts, and audit entries, which call a record {@code type:id}.
   */
  String type();

  // ---- the search index

  /** The documents these records should have in the index now; none for a record that is gone. */
  List<IndexDocument> current(Collection<Long> ids);

  /** Every document the current tenant's records of this kind should have. */
  List<IndexDocument> all();

  /** Every key a record may have in the index, in any language. */
  default List<String> keysOf(String tenant, long id) {
    return keys(tenant, type(), id);
  }

  /** Every key a record of this type may have in the index, in any language. */
  static List<String> keys(String tenant, String type, long id) {
    return SearchLanguages.supported().stream().map(lang -> key(tenant, type, id, lang)).toList();
  }

  /** The index key of one language's document of a record. */
  static String key(String tenant, String type, long id, String language) {
    return tenant + ":" + type + ":" + id + ":" + language;
  }

  // ---- reading, for a subject

  /**
   * How these hits of this kind show to the subject: only those the subject may see now (a record
   * whose label rose a moment ago is left out even if the index has not caught up).
   */
  Map<SearchHit, Shown> shown(Subject subject, Collection<SearchHit> hits);

  // ---- devices (kinds that devices do not carry keep the defaults)

  /** Whether devices carry records of this kind (and the change log follows them). */
  default boolean synced() {
    return false;
  }

  /**
   * Where these records stand for a device, read in a few queries; a record missing from the answer
   * is {@link Standing.Outside}.
   */
  default Map<Long, Standing> standings(DeviceView device, Collection<Long> ids) {
    return Map.of();
  }

  /** Every record of this kind the device may hold now (read only when its scope changed). */
  default Collection<Long> holdable(DeviceView device) {
    return List.of();
  }

  /** The operation types a device pushes for this kind (e.g. a request's status and its notes). */
  default Set<String> pushTypes() {
    return synced() ? Set.of(type()) : Set.of();
  }

  /**
   * Applies an operation a device pushed, as the device's user; its result ({@code status} applied,
   * conflict or rejected, and what the device needs). An edit on a stale version is kept through
   * {@code conflicts}; {@code baseUrl} is the portal's address, for links in mail.
   *
   * <p>Sync calls it only with an operation type of {@link #pushTypes}, which is empty for a kind
   * devices do not carry; a kind that declares push types and keeps this default is a programming
   * mistake, reported as such.
   *
   * @throws IllegalStateException for a kind that declares push types without applying them
   */
  default Map<String, Object> push(
      DeviceView device, PushedOp op, Conflicts conflicts, String baseUrl) {
    throw new IllegalStateException(
        type() + " declares the push types " + pushTypes() + " but does not apply them");
  }

  /**
   * Puts a device's kept edit in place of the record (a conflict settled for the device). Only a
   * kind whose {@link #push} keeps conflicts has any to settle.
   *
   * @throws IllegalStateException for a kind that keeps conflicts without settling them
   */
  default void settle(long id, Map<String, Object> pushed, String keptLabel, String baseUrl) {
    throw new IllegalStateException(type() + " kept a conflict but does not settle it");
  }

  /** A record's title for a person who may see it (a conflict's heading). */
  default String title(long id) {
    return type() + " " + id;
  }
}
