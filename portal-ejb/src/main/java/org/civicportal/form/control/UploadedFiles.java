package org.civicportal.form.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What every uploaded file goes through: a safe name to keep, and its SHA-256 to show. */
public final class UploadedFiles {
  private UploadedFiles() {}

  /** A file name without any path, control characters, quotes or more than 200 characters. */
  public static String safeName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty()) {
      name = "file";
    }
    return name.length() <= 200 ? name : name.substring(name.length() - 200);
  }

  /** The SHA-256 of the bytes, in lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
