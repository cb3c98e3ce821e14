package org.civicportal.audit.control;

import java.util.Collections;
import java.util.Iterator;
import org.civicportal.audit.entity.AuditEntry;

/**
 * Checks a tenant's audit entries, fed one at a time in sequence order, so that a log of any length
 * can be verified page by page, against the chain's head and its signed checkpoints.
 *
 * <p>Each entry must carry the next sequence number (the first one 1), link to the hash of the
 * entry before it (the first one to {@link AuditEntry#GENESIS_HASH}), and still produce its own
 * hash from its content. This finds an edited entry at that entry, a deleted entry at the one after
 * it, reordered or renumbered entries at the first one out of place, and a replaced first entry at
 * the first or second entry. {@link #end} then checks that the chain ends exactly at its head, the
 * sequence and hash the head row remembers: deleting the newest entries is found at the first
 * missing number.
 *
 * <p>Checkpoints ({@link AuditAnchors}) are read alongside, in sequence order: the entry a
 * checkpoint names must still have the hash it recorded, and the chain must reach the newest
 * checkpoint. Because each hash covers the one before, a checkpoint vouches for every entry up to
 * it.
 *
 * <p>What is detected and what is not, for someone who can write the database but neither change
 * the anchor directory nor read the key:
 *
 * <ul>
 *   <li>Detected: editing, deleting, inserting or reordering entries anywhere, unless every hash
 *       after the change and the head are recomputed to match; deleting the newest entries while
 *       the head still points past them; and, once a checkpoint was written after the entries
 *       concerned, any change to them however consistently the hashes and the head were recomputed:
 *       cutting the newest entries and moving the head back, rewriting one entry and every hash
 *       after it, or rebuilding the whole chain. A checkpoint line that was altered, written with
 *       another key, moved to another tenant's file, or placed out of order is reported, as is a
 *       missing or unreadable anchor file once the head says a checkpoint was written.
 *   <li>Not detected: a consistent rewrite or cut of entries newer than the newest checkpoint (the
 *       checkpoints are written every 30 seconds when a chain has grown, so at most that much of a
 *       chain is unanchored at a time, plus whatever is appended while checkpoints cannot be
 *       written); and anything by someone who can also change the anchor files. With the key they
 *       can sign checkpoints of their own; without it, deleting or cutting short an anchor file and
 *       resetting the head's record of the newest checkpoint makes the chain verify as if those
 *       checkpoints had never been written. Keep the anchor directory on storage the database's
 *       writers cannot change, ideally write-once or append-only, and the key ({@code
 *       PORTAL_AUDIT_KEY}) out of their reach.
 * </ul>
 */
public final class ChainVerification {
  private final Iterator<Checkpoint> checkpoints;
  private Checkpoint pending;
  private Checkpoint matched;
  private AuditEntry previous;
  private long checked;
  private Verification broken;

  /** Checks the chain only, with no checkpoint. */
  public ChainVerification() {
    this(Collections.emptyIterator());
  }

  /**
   * Checks the chain and the checkpoints given in file order; the iterator may throw {@link
   * AnchorException} for a line that is not a signed checkpoint, which is then reported.
   */
  public ChainVerification(Iterator<Checkpoint> checkpoints) {
    this.checkpoints = checkpoints;
  }

  /**
   * Verifies entries of one tenant given in sequence order, as a chain alone: without the head or a
   * checkpoint, a cut of its newest entries or a consistent rewrite cannot be seen.
   */
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
   * Verifies entries of one tenant given in sequence order against the head's sequence and hash and
   * the checkpoints of the tenant.
   */
  public static Verification of(
      Iterable<AuditEntry> entries,
      long headSequence,
      String headHash,
      Iterable<Checkpoint> checkpoints) {
    ChainVerification verification = new ChainVerification(checkpoints.iterator());
    for (AuditEntry entry : entries) {
      if (!verification.accept(entry)) {
        break;
      }
    }
    return verification.end(headSequence, headHash);
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
    if (problem == null) {
      problem = checkpointProblemWith(entry);
    }
    if (problem != null && broken == null) {
      broken = Verification.brokenAt(checked, entry.sequence(), problem, matched);
    }
    previous = entry;
    return broken == null;
  }

  /** The result so far, for a chain checked without its head. */
  public Verification result() {
    return broken != null ? broken : Verification.intact(checked, matched);
  }

  /**
   * The result once every entry up to the head was accepted: the last one must be the head's, and
   * no checkpoint may lie beyond it.
   */
  public Verification end(long headSequence, String headHash) {
    if (broken != null) {
      return broken;
    }
    long last = previous == null ? 0 : previous.sequence();
    if (last < headSequence) {
      broken =
          Verification.brokenAt(
              checked,
              last + 1,
              (last + 1 == headSequence
                      ? "entry " + headSequence + " is missing"
                      : "entries " + (last + 1) + " to " + headSequence + " are missing")
                  + ": the chain ends at entry "
                  + last
                  + " but its head at entry "
                  + headSequence
                  + ", so the newest entries were deleted",
              matched);
    } else if (last > headSequence) {
      broken =
          Verification.brokenAt(
              checked,
              headSequence + 1,
              "lies beyond the chain's head (entry " + headSequence + ")",
              matched);
    } else if (previous != null && !previous.hash().equals(headHash)) {
      broken =
          Verification.brokenAt(
              checked,
              last,
              "does not have the hash the chain's head recorded for it: the newest entry was"
                  + " replaced",
              matched);
    } else {
      Checkpoint beyond = peek();
      if (beyond != null) {
        broken =
            Verification.brokenAt(
                checked,
                last + 1,
                "the chain ends at entry "
                    + last
                    + ", but the checkpoint of "
                    + beyond.at()
                    + " (line "
                    + beyond.line()
                    + " of the anchor file) covered entry "
                    + beyond.sequence()
                    + ": newer entries were removed",
                matched);
      }
    }
    return result();
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

  /** Compares the entry with every checkpoint of its sequence. */
  private String checkpointProblemWith(AuditEntry entry) {
    for (Checkpoint checkpoint = peek();
        checkpoint != null && checkpoint.sequence() <= entry.sequence();
        checkpoint = peek()) {
      pending = null;
      if (checkpoint.sequence() < entry.sequence()) {
        return "passes over entry "
            + checkpoint.sequence()
            + ", which the checkpoint on line "
            + checkpoint.line()
            + " of the anchor file covered";
      }
      if (!checkpoint.hash().equals(entry.hash())) {
        return "does not have the hash the checkpoint of "
            + checkpoint.at()
            + " (line "
            + checkpoint.line()
            + " of the anchor file) recorded: the chain was rewritten up to here";
      }
      matched = checkpoint;
    }
    return null;
  }

  /** The next checkpoint not yet compared, or null at the end or once an anchor line failed. */
  private Checkpoint peek() {
    if (pending == null && broken == null) {
      try {
        if (checkpoints.hasNext()) {
          pending = checkpoints.next();
        }
      } catch (AnchorException e) {
        broken = Verification.unanchored(checked, e.getMessage(), matched);
      }
    }
    return pending;
  }
}
