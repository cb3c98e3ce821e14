package org.civicportal.audit.control;

import org.civicportal.audit.entity.AuditEntry;

/**
 * Checks a tenant's audit entries, fed one at a time in sequence order, so that a log of any length
 * can be verified page by page. Each entry must carry the next sequence number (the first one 1),
 * link to the hash of the entry before it (the first one to {@link AuditEntry#GENESIS_HASH}), and
 * still produce its own hash from its content. This finds an edited entry at that entry, a deleted
 * entry at the one after it, reordered or renumbered entries at the first one out of place, and a
 * replaced first entry at the first or second entry.
 *
 * <p>Limitation: the chain proves only that the entries agree with each other. Whoever can write
 * the table can delete entries from the end of the log, or rewrite an entry and recompute every
 * hash after it, or rebuild the whole chain from the first entry, and the result verifies. Catching
 * that needs an anchor outside the database: record the newest sequence and hash somewhere the
 * database's writers cannot change (a signed export, a write-once store, another system's log) at
 * intervals, and check that the chain still contains them.
 */
public final class ChainVerification {
  private AuditEntry previous;
  private long checked;
  private Verification broken;

  /** Verifies entries of one tenant given in sequence order. */
  public static Verification of(Iterable<AuditEntry> entries) {
    ChainVerification verification = new ChainVerification();
    for (AuditEntry entry : entries) {
      if (!verification.accept(entry)) {
        break;
      }
    }
    return verification.result();
  }

  /**
   * Checks the next entry. Returns false once the chain is broken; entries accepted after that are
   * ignored.
   */
  public boolean accept(AuditEntry entry) {
    if (broken != null) {
      return false;
    }
    checked++;
    String problem = problemWith(entry);
    if (problem != null) {
      broken = Verification.brokenAt(checked, entry.sequence(), problem);
    }
    previous = entry;
    return broken == null;
  }

  public Verification result() {
    return broken != null ? broken : Verification.intact(checked);
  }

  private String problemWith(AuditEntry entry) {
    long expectedSequence = previous == null ? 1 : previous.sequence() + 1;
    if (entry.sequence() != expectedSequence) {
      return "expected sequence "
          + expectedSequence
          + " but found "
          + entry.sequence()
          + ": entries are missing or out of order";
    }
    String expectedLink = previous == null ? AuditEntry.GENESIS_HASH : previous.hash();
    if (!entry.previousHash().equals(expectedLink)) {
      return previous == null
          ? "the first entry does not start the chain"
          : "does not link to the hash of entry " + previous.sequence();
    }
    if (!entry.hash().equals(entry.contentHash())) {
      return "content does not match its hash: the entry was altered";
    }
    return null;
  }
}
