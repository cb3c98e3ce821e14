package org.civicportal.audit.control;

import java.time.Instant;

/**
 * The outcome of checking a tenant's audit chain against its head and its signed checkpoints.
 *
 * @param valid whether every entry checked holds its hash and its link, the chain ends exactly at
 *     its head, and every checkpoint matches it
 * @param checkedEntries how many entries were read, including the first broken one
 * @param firstBrokenSequence the sequence number stored in the first entry that does not hold, or
 *     null when the chain is valid. After a deletion this is the entry following the gap; after the
 *     newest entries were removed, the first missing number. Null also when what failed is the
 *     anchor file or key rather than an entry ({@code reason} says what).
 * @param reason what does not hold, or null when the chain is valid
 * @param lastCheckpointSequence the newest entry a signed checkpoint covered and the chain was
 *     found to match, or null when none did: changes to entries after it are caught only by the
 *     database's own consistency (chain and head), not by a checkpoint
 * @param lastCheckpointAt when that checkpoint was written, or null
 */
public record Verification(
    boolean valid,
    long checkedEntries,
    Long firstBrokenSequence,
    String reason,
    Long lastCheckpointSequence,
    Instant lastCheckpointAt) {

  /** A result that names no checkpoint. */
  public Verification(boolean valid, long checkedEntries, Long firstBrokenSequence, String reason) {
    this(valid, checkedEntries, firstBrokenSequence, reason, null, null);
  }

  static Verification intact(long checkedEntries) {
    return intact(checkedEntries, null);
  }

  static Verification intact(long checkedEntries, Checkpoint anchor) {
    return new Verification(true, checkedEntries, null, null, sequenceOf(anchor), timeOf(anchor));
  }

  static Verification brokenAt(long checkedEntries, long sequence, String reason) {
    return brokenAt(checkedEntries, sequence, reason, null);
  }

  static Verification brokenAt(
      long checkedEntries, long sequence, String reason, Checkpoint anchor) {
    return new Verification(
        false, checkedEntries, sequence, reason, sequenceOf(anchor), timeOf(anchor));
  }

  /** The anchor file or key cannot be relied on; {@code reason} names the file and line. */
  static Verification unanchored(long checkedEntries, String reason, Checkpoint anchor) {
    return new Verification(
        false, checkedEntries, null, reason, sequenceOf(anchor), timeOf(anchor));
  }

  private static Long sequenceOf(Checkpoint anchor) {
    return anchor == null ? null : anchor.sequence();
  }

  private static Instant timeOf(Checkpoint anchor) {
    return anchor == null ? null : anchor.at();
  }
}
