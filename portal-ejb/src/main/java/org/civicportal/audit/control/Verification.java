package org.civicportal.audit.control;

/**
 * The outcome of checking a tenant's audit chain.
 *
 * @param valid whether every entry checked holds its hash and its link
 * @param checkedEntries how many entries were read, including the first broken one
 * @param firstBrokenSequence the sequence number stored in the first entry that does not hold, or
 *     null when the chain is valid. After a deletion this is the entry following the gap.
 * @param reason what does not hold in that entry, or null when the chain is valid
 */
public record Verification(
    boolean valid, long checkedEntries, Long firstBrokenSequence, String reason) {

  static Verification intact(long checkedEntries) {
    return new Verification(true, checkedEntries, null, null);
  }

  static Verification brokenAt(long checkedEntries, long sequence, String reason) {
    return new Verification(false, checkedEntries, sequence, reason);
  }
}
