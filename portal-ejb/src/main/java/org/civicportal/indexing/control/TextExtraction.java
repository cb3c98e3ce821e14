package org.civicportal.indexing.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The text of a file (PDF, DOCX, ODT, plain text), read with Apache Tika so that search finds what
 * is written inside attachments. At most {@link #LIMIT} characters are kept; a file Tika cannot
 * read gives no text (it is still attached), so an odd file never stops a user's work.
 */
@ApplicationScoped
public class TextExtraction {
  /** The most characters kept from one file. */
  public static final int LIMIT = 1_000_000;

  private final AutoDetectParser parser = new AutoDetectParser();

  /** The file's text, or "" when it has none that Tika can read. */
  public String text(byte[] bytes, String mediaType) {
    BodyContentHandler handler = new BodyContentHandler(LIMIT);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      parser.parse(in, handler, metadata, new ParseContext());
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        return "";
      }
    } catch (IOException | TikaException | RuntimeException e) {
      return "";
    }
    return handler
        .toString()
        .replaceAll("[\\t\\x0B\\f\\r ]+", " ")
        .replaceAll("\\n\\s*\\n+", "\n\n")
        .strip();
  }
}
