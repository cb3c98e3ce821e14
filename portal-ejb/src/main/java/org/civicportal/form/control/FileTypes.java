package org.civicportal.form.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a file is, read from its first bytes, never from its name or the type the browser claims: a
 * file called photo.jpg that holds a script is refused.
 */
public final class FileTypes {
  /** The types a form may accept. */
  public static final List<String> KNOWN =
      List.of(
          "application/pdf",
          "image/jpeg",
          "image/png",
          "image/gif",
          "image/webp",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.oasis.opendocument.text",
          "text/plain");

  private FileTypes() {}

  /** A type's name for people: PDF, JPEG, Word (DOCX)... */
  public static String name(String mediaType) {
    return switch (mediaType) {
      case "application/pdf" -> "PDF";
      case "image/jpeg" -> "JPEG";
      case "image/png" -> "PNG";
      case "image/gif" -> "GIF";
      case "image/webp" -> "WebP";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ->
          "Word (DOCX)";
      case "application/vnd.oasis.opendocument.text" -> "OpenDocument text (ODT)";
      case "text/plain" -> "plain text";
      default -> mediaType;
    };
  }

  /** The type these bytes hold, if one the portal knows. */
  public static Optional<String> sniff(byte[] bytes, String fileName) {
    if (starts(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("application/pdf");
    }
    if (starts(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of("image/jpeg");
    }
    if (starts(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
      return Optional.of("image/png");
    }
    if (starts(bytes, "GIF87a".getBytes(StandardCharsets.US_ASCII))
        || starts(bytes, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("image/gif");
    }
    if (bytes.length >= 12
        && starts(bytes, "RIFF".getBytes(StandardCharsets.US_ASCII))
        && new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return Optional.of("image/webp");
    }
    if (starts(bytes, new byte[] {'P', 'K', 3, 4})) {
      // a zip: OpenDocument names its type first, uncompressed; Word's has word/ entries
      String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
      if (head.contains("mimetypeapplication/vnd.oasis.opendocument.text")) {
        return Optional.of("application/vnd.oasis.opendocument.text");
      }
      String all = new String(bytes, StandardCharsets.ISO_8859_1);
      if (all.contains("word/document.xml")
          || all.contains("[Content_Types].xml") && all.contains("word/")) {
        return Optional.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      }
      return Optional.empty();
    }
    if (fileName != null
        && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".txt")
        && isPlainText(bytes)) {
      return Optional.of("text/plain");
    }
    return Optional.empty();
  }

  private static boolean isPlainText(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.contains("\uFFFD")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    // markup in a "text" file is what a browser could be talked into running
    return !lower.contains("<script") && !lower.contains("<html") && !lower.contains("<svg");
  }

  private static boolean starts(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
  }
}
