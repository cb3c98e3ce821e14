package org.civicportal.audit.control;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.civicportal.persistence.control.PortalSettings;

/**
 * Signed checkpoints of the tenants' audit chains, kept outside the database: one append-only file
 * per tenant, {@code <anchor dir>/<tenant>.anchors}, one line per checkpoint, each line on disk
 * before the checkpoint counts as written. A line reads
 *
 * <pre>1 demoland 42 &lt;hash of entry 42&gt; 2026-11-26T09:00:30.123Z &lt;HMAC-SHA256&gt;</pre>
 *
 * <p>the format, the tenant, the chain's newest sequence and its hash at that time, the time, and
 * the HMAC-SHA256 ({@link AnchorKey}) of everything before it on the line, in hex. Within a file
 * the sequences never go down. A checkpoint proves that the chain held that entry with that hash: a
 * database writer can neither change nor drop that entry, nor any before it (each hash covers the
 * one before), without the checkpoint disagreeing. It proves nothing about entries newer than the
 * file's last line, and nothing against someone who can also change the file and read the key.
 *
 * <p>Thread-safe; one writer per anchor directory (a single node).
 */
public final class AuditAnchors {
  static final String FORMAT = "1";
  static final String SUFFIX = ".anchors";

  private static final Logger LOG = Logger.getLogger(AuditAnchors.class.getName());
  private static final Pattern TENANT = Pattern.compile("[a-z][a-z0-9-]{1,39}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final Path dir;
  private final Supplier<AnchorKey> keys;
  private AnchorKey key;

  /** Per tenant, the newest sequence checkpointed, once read from the file. */
  private final Map<String, Long> newest = new HashMap<>();

  private final Map<String, Long> reportedShorter = new HashMap<>();

  AuditAnchors(Path dir, Supplier<AnchorKey> keys) {
    this.dir = dir;
    this.keys = keys;
  }

  /** Checkpoints in {@code dir}, signed with {@code key}. */
  public AuditAnchors(Path dir, byte[] key) {
    this(dir, () -> new AnchorKey(key.clone()));
  }

  /**
   * The anchor directory and key of these settings ({@code PORTAL_AUDIT_ANCHOR_DIR}, {@code
   * PORTAL_AUDIT_KEY}). Nothing is read or made until the first checkpoint is written or read, so a
   * wrong setting shows there, and never stops an action from being audited.
   */
  public static AuditAnchors of(PortalSettings settings) {
    return new AuditAnchors(settings.auditAnchorDir(), () -> AnchorKey.of(settings));
  }

  /** The tenant's anchor file. */
  public Path file(String tenant) {
    if (!TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("Not a tenant code: '" + tenant + "'");
    }
    return dir.resolve(tenant + SUFFIX);
  }

  private synchronized AnchorKey key() {
    if (key == null) {
      key = keys.get();
    }
    return key;
  }

  /**
   * Appends a checkpoint of the tenant's chain whose newest entry is {@code sequence} with {@code
   * hash}, unless the file already has one at that sequence or later. A chain shorter than its
   * newest checkpoint (entries were removed) gets none, and a warning.
   *
   * @return whether a checkpoint was written
   * @throws AnchorException if the file or the key cannot be used
   */
  public synchronized boolean checkpoint(String tenant, long sequence, String hash, Instant at) {
    if (sequence < 1 || !HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("No checkpoint of entry " + sequence + " " + hash);
    }
    AnchorFile file = new AnchorFile(file(tenant));
    long checkpointed = newest.containsKey(tenant) ? newest.get(tenant) : newestSigned(tenant);
    newest.put(tenant, checkpointed);
    if (sequence < checkpointed && !Long.valueOf(sequence).equals(reportedShorter.get(tenant))) {
      reportedShorter.put(tenant, sequence);
      LOG.severe(
          () ->
              "The audit chain of "
                  + tenant
                  + " ends at entry "
                  + sequence
                  + ", but a checkpoint covered entry "
                  + checkpointed
                  + ": entries were removed. No checkpoint is written until it grows past that.");
    }
    if (sequence <= checkpointed) {
      return false;
    }
    String body =
        String.join(
            " ",
            FORMAT,
            tenant,
            Long.toString(sequence),
            hash,
            at.truncatedTo(ChronoUnit.MILLIS).toString());
    try {
      file.append(body + " " + key().sign(body) + "\n");
    } catch (IOException e) {
      throw new AnchorException("Cannot append to the anchor file " + file.path() + ": " + e, e);
    }
    newest.put(tenant, sequence);
    return true;
  }

  /**
   * The tenant's checkpoints as its file holds them now, oldest first: lines appended after this
   * call are not read. Each line's signature, tenant and order are checked as it is read; the
   * iterator throws {@link AnchorException} at the first line that fails. Empty when the file does
   * not exist.
   *
   * @throws AnchorException if the file exists but cannot be read
   */
  public Reader read(String tenant) {
    Path path = file(tenant);
    try {
      return new Reader(tenant, path, new AnchorFile(path).lines());
    } catch (IOException e) {
      throw new AnchorException("The anchor file " + path + " cannot be read: " + e, e);
    }
  }

  /**
   * The newest sequence among the tenant's correctly signed checkpoints, reading the whole file as
   * it is now and passing over lines that are not; 0 when there is none or no file.
   *
   * @throws AnchorException if the file exists but cannot be read
   */
  public long newestSigned(String tenant) {
    long max = 0;
    try (Reader reader = read(tenant)) {
      if (!reader.exists()) {
        return 0;
      }
      key(); // a key that cannot be used fails here, once, rather than at every line
      while (true) {
        try {
          if (!reader.hasNext()) {
            return max;
          }
          max = Math.max(max, reader.next().sequence());
        } catch (AnchorException e) {
          if (!reader.skip()) {
            throw e;
          }
        }
      }
    }
  }

  private Checkpoint parse(String tenant, Path path, String line, long number) {
    String[] fields = line.split(" ", -1);
    if (fields.length != 6 || !FORMAT.equals(fields[0])) {
      throw lineProblem(path, number, "is not a checkpoint");
    }
    String body = line.substring(0, line.lastIndexOf(' '));
    if (!key().signed(body, fields[5])) {
      throw lineProblem(
          path,
          number,
          "does not carry the portal's signature: the line was altered or written with another"
              + " key");
    }
    if (!fields[1].equals(tenant)) {
      throw lineProblem(path, number, "is a checkpoint of tenant " + fields[1]);
    }
    try {
      long sequence = Long.parseLong(fields[2]);
      if (sequence < 1 || !HASH.matcher(fields[3]).matches()) {
        throw lineProblem(path, number, "is not a checkpoint");
      }
      return new Checkpoint(sequence, fields[3], Instant.parse(fields[4]), number);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw lineProblem(path, number, "is not a checkpoint");
    }
  }

  private static AnchorException lineProblem(Path path, long number, String problem) {
    return new AnchorException("Line " + number + " of the anchor file " + path + " " + problem);
  }

  /** One tenant's checkpoints in file order; see {@link AuditAnchors#read}. */
  public final class Reader implements Iterator<Checkpoint>, AutoCloseable {
    private final String tenant;
    private final Path path;
    private final AnchorFile.Lines lines;
    private Checkpoint next;
    private long previousSequence;
    private String pendingLine;

    private Reader(String tenant, Path path, AnchorFile.Lines lines) {
      this.tenant = tenant;
      this.path = path;
      this.lines = lines;
    }

    /** Whether the anchor file exists. */
    public boolean exists() {
      return lines != null;
    }

    public Path path() {
      return path;
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (lines == null) {
        return false;
      }
      if (pendingLine == null) {
        try {
          pendingLine = lines.next();
        } catch (IOException e) {
          throw new AnchorException("The anchor file " + path + " cannot be read: " + e, e);
        }
        if (pendingLine == null) {
          return false;
        }
      }
      Checkpoint checkpoint = parse(tenant, path, pendingLine, lines.number());
      if (checkpoint.sequence() < previousSequence) {
        throw lineProblem(
            path,
            lines.number(),
            "goes back from entry "
                + previousSequence
                + " to entry "
                + checkpoint.sequence()
                + ": lines were moved or removed");
      }
      pendingLine = null;
      previousSequence = checkpoint.sequence();
      next = checkpoint;
      return true;
    }

    @Override
    public Checkpoint next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Checkpoint result = next;
      next = null;
      return result;
    }

    /**
     * Passes over the line that failed, so that reading can go on after it; false when what failed
     * was reading the file rather than a line.
     */
    boolean skip() {
      boolean skipped = pendingLine != null;
      pendingLine = null;
      return skipped;
    }

    @Override
    public void close() {
      if (lines != null) {
        try {
          lines.close();
        } catch (IOException e) {
          LOG.fine(() -> "Closing " + path + ": " + e);
        }
      }
    }
  }
}
