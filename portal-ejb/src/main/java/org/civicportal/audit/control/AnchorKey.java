package org.civicportal.audit.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civicportal.persistence.control.PortalSettings;

/**
 * The HMAC-SHA256 key that signs audit checkpoints: {@code PORTAL_AUDIT_KEY} when set, otherwise a
 * random key the portal makes once in the anchor directory ({@value #FILE_NAME}, readable by its
 * owner only) and reads from there afterwards. Whoever can read the key can sign checkpoints.
 */
final class AnchorKey {
  static final String FILE_NAME = "anchor.key";
  static final int MIN_LENGTH = 32;

  private static final Logger LOG = Logger.getLogger(AnchorKey.class.getName());
  private static final String ALGORITHM = "HmacSHA256";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final SecretKeySpec key;

  AnchorKey(byte[] key) {
    if (key.length < MIN_LENGTH) {
      throw new AnchorException(
          "An audit anchor key must be at least " + MIN_LENGTH + " bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** The configured key, or the one kept in the anchor directory (made there the first time). */
  static AnchorKey of(PortalSettings settings) {
    byte[] configured;
    try {
      configured = settings.auditKey().orElse(null);
    } catch (IllegalStateException e) {
      throw new AnchorException(e.getMessage(), e);
    }
    return configured != null ? new AnchorKey(configured) : kept(settings.auditAnchorDir());
  }

  /** The key in {@code dir}, made with owner-only permissions if there is none yet. */
  static AnchorKey kept(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        make(dir, file);
      }
      if (AnchorFile.posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        LOG.warning(() -> "The audit anchor key " + file + " can be read by others than its owner");
      }
      return new AnchorKey(
          Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
    } catch (IOException | IllegalArgumentException e) {
      throw new AnchorException(
          "The audit anchor key " + file + " cannot be read or made: " + e, e);
    }
  }

  /**
   * Writes a new key completely under another name, then moves it into place unless another key got
   * there first, so that the key file is never seen half written.
   */
  private static void make(Path dir, Path file) throws IOException {
    AnchorFile.createDirectory(dir);
    byte[] key = new byte[MIN_LENGTH];
    new SecureRandom().nextBytes(key);
    FileAttribute<?>[] ownerOnly =
        AnchorFile.posix(dir)
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    Path fresh = Files.createTempFile(dir, FILE_NAME, ".new", ownerOnly);
    try {
      try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.WRITE)) {
        ByteBuffer text =
            ByteBuffer.wrap(
                (Base64.getEncoder().encodeToString(key) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        while (text.hasRemaining()) {
          out.write(text);
        }
        out.force(true);
      }
      Files.move(fresh, file);
      AnchorFile.syncDirectory(dir);
      LOG.info(() -> "Made the audit anchor key " + file + "; keep it, or set PORTAL_AUDIT_KEY");
    } catch (FileAlreadyExistsException e) {
      // another start made it meanwhile: use that one
    } finally {
      Files.deleteIfExists(fresh);
    }
  }

  /** The signature of {@code text}, in lower-case hex. */
  String sign(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java platform provides " + ALGORITHM, e);
    }
  }

  /** Whether {@code signature} is this key's signature of {@code text}, compared in fixed time. */
  boolean signed(String text, String signature) {
    return MessageDigest.isEqual(
        sign(text).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
