package org.civicportal.web;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How the API hands out a file people gave it: as an attachment (never shown inline), of the type
 * read from its bytes, not sniffed again by the browser, sandboxed, with its name kept safely and
 * the classification of the record it belongs to.
 */
public final class FileDownloads {
  private FileDownloads() {}

  public static Response of(
      byte[] bytes, String mediaType, long id, String fileName, String classification) {
    return Response.ok(bytes)
        .type(mediaType)
        .header(
            "Content-Disposition",
            "attachment; filename=\"file-"
                + id
                + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header("Classification", classification)
        .build();
  }
}
