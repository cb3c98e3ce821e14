package org.civicportal.audit.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One event in a tenant's audit log, numbered 1, 2, 3... per tenant and sealed with a SHA-256 hash
 * over its content and the hash of the entry before it. Entries are created only by {@link #append}
 * (through the tenant's {@link AuditChain} head, which numbers them) and never change; an entry
 * whose stored content no longer gives its stored hash, or whose link does not match its
 * predecessor, has been tampered with.
 */
@Entity
@Table(name = "audit_entry")
// Always read from the table, never from EclipseLink's shared cache, so that verification sees
// what is stored, including changes made behind the application's back.
@Cacheable(false)
@NamedQuery(
    name = AuditEntry.LAST,
    query = "SELECT e FROM AuditEntry e WHERE e.tenant = :tenant ORDER BY e.sequence DESC")
// Keyset paging (":after" is the last sequence of the previous page) instead of OFFSET, so reading
// page n of a long log does not make the database skip over the n-1 pages before it again.
@NamedQuery(
    name = AuditEntry.IN_ORDER,
    query =
        "SELECT e FROM AuditEntry e WHERE e.tenant = :tenant AND e.sequence > :after"
            + " ORDER BY e.sequence")
// The lowest sequence above the head's, read in one statement so that an append committing
// meanwhile (entry and head together) cannot make it look as if an entry lay beyond the head.
@NamedQuery(
    name = AuditEntry.BEYOND_HEAD,
    query =
        "SELECT MIN(e.sequence) FROM AuditEntry e, AuditChain c WHERE c.tenant = :tenant"
            + " AND e.tenant = c.tenant AND e.sequence > c.lastSequence")
public class AuditEntry {
  public static final String LAST = "AuditEntry.last";
  public static final String IN_ORDER = "AuditEntry.inOrder";
  public static final String BEYOND_HEAD = "AuditEntry.beyondHead";

  /** What the first entry of a tenant links to. */
  public static final String GENESIS_HASH = "0".repeat(64);

  public static final int TENANT_LENGTH = 40;
  public static final int ACTOR_LENGTH = 200;
  public static final int SUBJECT_LENGTH = 200;
  public static final int DETAIL_LENGTH = 2000;

  /** Names the encoding below; a future encoding gets a new name so old entries still verify. */
  private static final String ENCODING = "civic-portal/audit-entry/1";

  /**
   * ISO-8601 in UTC. Appended entries are truncated to the millisecond, so this prints exactly
   * three fraction digits for them; a stored moment with finer digits (an edited row) prints them
   * all and so cannot reproduce the original hash.
   */
  private static final DateTimeFormatter UTC_INSTANT =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
          .appendLiteral('Z')
          .toFormatter(Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  @Id
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  private Long id;

  @Column(nullable = false, length = TENANT_LENGTH)
  private String tenant;

  @Column(nullable = false)
  private long sequence;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = ACTOR_LENGTH)
  private String actor;

  // The name as stored rather than an @Enumerated AuditAction: a row whose action was overwritten
  // with an unknown name must still load, so that verification can report it instead of failing.
  @Column(nullable = false, length = 40)
  private String action;

  @Column(nullable = false, length = SUBJECT_LENGTH)
  private String subject;

  @Column(nullable = false, length = DETAIL_LENGTH)
  private String detail;

  @Column(name = "previous_hash", nullable = false, length = 64)
  private String previousHash;

  @Column(nullable = false, length = 64)
  private String hash;

  protected AuditEntry() {}

  /** An entry exactly as stored, hash included; {@link #append} is the way to make a new one. */
  AuditEntry(
      String tenant,
      long sequence,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String detail,
      String previousHash,
      String hash) {
    this.tenant = tenant;
    this.sequence = sequence;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.subject = subject;
    this.detail = detail;
    this.previousHash = previousHash;
    this.hash = hash;
  }

  /**
   * The entry that follows {@code previous} in the tenant's chain, or the tenant's first entry when
   * {@code previous} is null. The moment is truncated to the millisecond before it is hashed, so
   * that storing it cannot change it. Free text that a column cannot hold is adapted rather than
   * refused, so that recording an action never fails because of what a user typed: text is cut to
   * the column length (ending in "…"), and NUL characters and lone surrogates, which the databases
   * cannot store faithfully, become U+FFFD. A null subject or detail is empty.
   */
  public static AuditEntry append(
      AuditEntry previous,
      String tenant,
      Instant at,
      String actor,
      AuditAction action,
      String subject,
      String detail) {
    Objects.requireNonNull(tenant, "tenant");
    if (previous != null && !previous.tenant.equals(tenant)) {
      throw new IllegalArgumentException(
          "An entry of tenant " + tenant + " cannot follow one of tenant " + previous.tenant);
    }
    return following(
        tenant,
        previous == null ? 0 : previous.sequence,
        previous == null ? GENESIS_HASH : previous.hash,
        at,
        actor,
        action,
        subject,
        detail);
  }

  /**
   * The entry that follows the one numbered {@code previousSequence} with hash {@code previousHash}
   * (0 and {@link #GENESIS_HASH} for a tenant's first entry), as {@link #append} describes; the
   * chain's head ({@link AuditChain#append}) remembers those two values.
   */
  static AuditEntry following(
      String tenant,
      long previousSequence,
      String previousHash,
      Instant at,
      String actor,
      AuditAction action,
      String subject,
      String detail) {
    Objects.requireNonNull(tenant, "tenant");
    if (tenant.isBlank() || tenant.length() > TENANT_LENGTH) {
      throw new IllegalArgumentException("Not a tenant code: '" + tenant + "'");
    }
    long sequence = Math.addExact(previousSequence, 1);
    Objects.requireNonNull(previousHash, "previousHash");
    Instant occurredAt = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    String actorText = storable(Objects.requireNonNull(actor, "actor"), ACTOR_LENGTH);
    String actionName = Objects.requireNonNull(action, "action").name();
    String subjectText = storable(subject == null ? "" : subject, SUBJECT_LENGTH);
    String detailText = storable(detail == null ? "" : detail, DETAIL_LENGTH);
    String hash =
        hashOf(
            tenant,
            sequence,
            occurredAt,
            actorText,
            actionName,
            subjectText,
            detailText,
            previousHash);
    return new AuditEntry(
        tenant,
        sequence,
        occurredAt,
        actorText,
        actionName,
        subjectText,
        detailText,
        previousHash,
        hash);
  }

  /**
   * The hash of this entry's content as it is now. It equals {@link #hash()} unless the entry was
   * altered after it was appended.
   */
  public String contentHash() {
    return hashOf(tenant, sequence, occurredAt, actor, action, subject, detail, previousHash);
  }

  /**
   * SHA-256 over every field, each preceded by its length in UTF-8 bytes. Length prefixes, not
   * separators, keep the encoding unambiguous: actor, subject and detail are free text and may
   * contain any separator we could choose, so with "a|b" the pair ("x|y", "z") and ("x", "y|z")
   * would hash alike; with lengths, no two different entries produce the same bytes.
   */
  private static String hashOf(
      String tenant,
      long sequence,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String detail,
      String previousHash) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform provides SHA-256", e);
    }
    String[] fields = {
      ENCODING,
      tenant,
      Long.toString(sequence),
      UTC_INSTANT.format(occurredAt),
      actor,
      action,
      subject,
      detail,
      previousHash
    };
    for (String field : fields) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      sha256.update(bytes);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static String storable(String text, int maxLength) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength + 1));
    int i = 0;
    while (i < text.length() && out.length() <= maxLength) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      boolean loneSurrogate =
          codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
      out.appendCodePoint(codePoint == 0 || loneSurrogate ? 0xFFFD : codePoint);
    }
    if (out.length() <= maxLength && i == text.length()) {
      return out.toString();
    }
    int end = maxLength - 1;
    if (Character.isHighSurrogate(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(0, end) + "…";
  }

  public Long id() {
    return id;
  }

  public String tenant() {
    return tenant;
  }

  public long sequence() {
    return sequence;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  /**
   * The recorded action.
   *
   * @throws IllegalArgumentException if the stored name is no action (the row was edited)
   */
  public AuditAction action() {
    return AuditAction.valueOf(action);
  }

  /** The action's name as stored, which an edited row may have changed to any text. */
  public String actionName() {
    return action;
  }

  public String subject() {
    return subject;
  }

  public String detail() {
    return detail;
  }

  public String previousHash() {
    return previousHash;
  }

  public String hash() {
    return hash;
  }

  @Override
  public String toString() {
    return "AuditEntry[" + tenant + " #" + sequence + " " + action + " by " + actor + "]";
  }
}
