package org.civicportal.sync.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A device's cursors: a position in the tenant's change log, encrypted and authenticated (AES-GCM)
 * with a key only that device's row holds. The position counts changes the device may not see, so
 * it must not be readable; a cursor of another device, or an altered one, is refused; and because
 * the key is stored, cursors outlive a restart and work on every node. A fresh nonce each time: two
 * cursors for the same position differ, so a device cannot tell from its cursor that anything
 * happened out of its sight.
 */
public final class SyncCursors {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SyncCursors() {}

  /** A new random key, for a new device. */
  public static String newKey() {
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public static String encode(String key, long position) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
      byte[] sealed = cipher.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(position).array());
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every Java runtime", e);
    }
  }

  /** The position, or empty if this is not a cursor this device's key wrote. */
  public static OptionalLong decode(String key, String cursor) {
    if (cursor == null || cursor.length() > 100) {
      return OptionalLong.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    if (bytes.length != NONCE + Long.BYTES + TAG_BITS / 8) {
      return OptionalLong.empty();
    }
    byte[] nonce = new byte[NONCE];
    System.arraycopy(bytes, 0, nonce, 0, NONCE);
    try {
      byte[] plain =
          cipher(Cipher.DECRYPT_MODE, key, nonce).doFinal(bytes, NONCE, bytes.length - NONCE);
      long position = ByteBuffer.wrap(plain).getLong();
      return position < 0 ? OptionalLong.empty() : OptionalLong.of(position);
    } catch (GeneralSecurityException e) {
      return OptionalLong.empty();
    }
  }

  private static Cipher cipher(int mode, String key, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        mode,
        new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
        new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }
}
