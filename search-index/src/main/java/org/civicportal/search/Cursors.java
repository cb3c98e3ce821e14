package org.civicportal.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Writes and reads the cursors of one open index.
 *
 * <p>A cursor holds the version of the commit its search ran on, the last hit of its page (doc,
 * score, shard index: what {@code searchAfter} needs), the moment the search's date ranges were
 * measured from, and a hash of the search (text, languages, filters, audience), so that it serves
 * no other search. It is encrypted and authenticated (AES-GCM) with a key that lives only in this
 * object, for two reasons: a Lucene doc id and a commit version count documents and commits the
 * reader may not see, so they must not be readable; and a changed cursor must be refused, not
 * served. In front, in clear, are a format byte and this index's random instance id, which tells a
 * cursor of an earlier opening of the index (expired) from a forged or damaged one (malformed).
 */
final class Cursors {

  /** Where a page ends, and when its search measured its dates from. */
  record Position(long version, int doc, float score, int shardIndex, long nowMillis) {}

  private static final byte FORMAT = 1;
  private static final int INSTANCE_LENGTH = 8;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final int HASH_LENGTH = 16;
  private static final int PLAIN_LENGTH = Long.BYTES + 3 * Integer.BYTES + Long.BYTES + HASH_LENGTH;
  private static final int HEADER_LENGTH = 1 + INSTANCE_LENGTH;
  private static final int LENGTH = HEADER_LENGTH + NONCE_LENGTH + PLAIN_LENGTH + TAG_BITS / 8;
  private static final int MAX_TEXT_LENGTH = 4 * ((LENGTH + 2) / 3);
  private static final String MALFORMED =
      "Malformed cursor: pass back exactly the nextCursor of the previous page";

  private final SecureRandom random = new SecureRandom();
  private final byte[] instance = new byte[INSTANCE_LENGTH];
  private final SecretKey key;

  Cursors() {
    random.nextBytes(instance);
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(128, random);
      key = generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is required by every Java runtime", e);
    }
  }

  /** The cursor of the page ending at {@code position}, for {@code query}. */
  String write(Position position, SearchQuery query) {
    ByteBuffer plain = ByteBuffer.allocate(PLAIN_LENGTH);
    plain
        .putLong(position.version())
        .putInt(position.doc())
        .putFloat(position.score())
        .putInt(position.shardIndex())
        .putLong(position.nowMillis())
        .put(searchHash(query));
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    ByteBuffer out = ByteBuffer.allocate(LENGTH);
    out.put(FORMAT).put(instance).put(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
      out.put(cipher.doFinal(plain.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a cursor", e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
  }

  /**
   * The position a cursor stands for.
   *
   * @throws IllegalArgumentException if the cursor is malformed or belongs to another search
   * @throws CursorExpiredException if it was written by an earlier opening of the index
   */
  Position read(String cursor, SearchQuery query) {
    if (cursor.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(MALFORMED);
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(MALFORMED, e);
    }
    if (bytes.length != LENGTH || bytes[0] != FORMAT) {
      throw new IllegalArgumentException(MALFORMED);
    }
    if (!MessageDigest.isEqual(Arrays.copyOfRange(bytes, 1, HEADER_LENGTH), instance)) {
      throw new CursorExpiredException(
          "The search index was reopened since this cursor was made; start the search again");
    }
    ByteBuffer plain;
    try {
      byte[] nonce = Arrays.copyOfRange(bytes, HEADER_LENGTH, HEADER_LENGTH + NONCE_LENGTH);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce);
      int start = HEADER_LENGTH + NONCE_LENGTH;
      plain = ByteBuffer.wrap(cipher.doFinal(bytes, start, bytes.length - start));
    } catch (GeneralSecurityException e) {
      // a changed byte fails authentication
      throw new IllegalArgumentException(MALFORMED, e);
    }
    Position position =
        new Position(
            plain.getLong(), plain.getInt(), plain.getFloat(), plain.getInt(), plain.getLong());
    byte[] hash = new byte[HASH_LENGTH];
    plain.get(hash);
    if (!MessageDigest.isEqual(hash, searchHash(query))) {
      throw new IllegalArgumentException(
          "The cursor belongs to another search (text, languages, filters or audience differ)");
    }
    return position;
  }

  private static String orNone(Object value) {
    // NUL cannot be typed in a filter value, so "none" never equals a real value
    return value == null ? "\u0000" : value.toString();
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    // The clear header is authenticated too: a cursor cannot be moved to another instance id.
    cipher.updateAAD(new byte[] {FORMAT});
    cipher.updateAAD(instance);
    return cipher;
  }

  /**
   * A hash of everything that decides which documents match and in which order: text, languages,
   * filters, audience. Not the page size (pages may differ in size) nor the facets flag.
   */
  static byte[] searchHash(SearchQuery query) {
    SearchFilters filters = query.filters();
    Audience audience = query.audience();
    List<String> parts = new ArrayList<>();
    parts.add(query.text());
    parts.add(String.join(",", query.languages()));
    parts.add(String.join(",", new TreeSet<>(filters.types())));
    parts.add(orNone(filters.agency()));
    parts.add(orNone(filters.category()));
    parts.add(orNone(filters.language()));
    parts.add(orNone(filters.level()));
    parts.add(orNone(filters.updated()));
    parts.add(audience.tenant());
    parts.add(Integer.toString(audience.maxLevel()));
    parts.add(String.join(",", new TreeSet<>(audience.compartments())));
    parts.add(orNone(audience.nationality()));
    parts.add(Boolean.toString(audience.staff()));
    parts.add(String.join(",", new TreeSet<>(audience.releasedAs())));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
        // length-prefixed, so that ("ab", "c") and ("a", "bc") differ
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
        digest.update(utf8);
      }
      return Arrays.copyOf(digest.digest(), HASH_LENGTH);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
