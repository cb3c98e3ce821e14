package org.civicportal.indexing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.civicportal.form.control.FileTypes;
import org.junit.jupiter.api.Test;

/** Tika reads the text of PDF, DOCX and ODT files that the test itself produces. */
class TextExtractionTest {
  final TextExtraction extraction = new TextExtraction();

  @Test
  void readsAPdf() throws IOException {
    byte[] pdf = pdf("The quarterly bridge inspection found corrosion on pier seven.");
    assertThat(FileTypes.sniff(pdf, "report.pdf")).contains("application/pdf");
    assertThat(extraction.text(pdf, "application/pdf"))
        .contains("bridge inspection", "corrosion on pier seven");
  }

  @Test
  void readsADocx() throws IOException {
    byte[] docx = docx("Procurement notes: the ferry contract renews in März.");
    String type = FileTypes.sniff(docx, "notes.docx").orElseThrow();
    assertThat(type)
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(extraction.text(docx, type)).contains("ferry contract renews in März");
  }

  @Test
  void readsAnOdt() throws IOException {
    byte[] odt = odt("Minutes of the harbour committee: dredging approved.");
    String type = FileTypes.sniff(odt, "minutes.odt").orElseThrow();
    assertThat(type).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(extraction.text(odt, type)).contains("harbour committee", "dredging approved");
  }

  @Test
  void aBrokenFileGivesNoTextRatherThanAnError() {
    byte[] broken = "%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.US_ASCII);
    assertThat(extraction.text(broken, "application/pdf")).isEmpty();
  }

  static byte[] pdf(String text) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] odt(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] mimetype =
          "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      m.setMethod(ZipEntry.STORED);
      m.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      m.setCrc(crc.getValue());
      zip.putNextEntry(m);
      zip.write(mimetype);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                  + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                  + " manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\""
                  + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                  + "<manifest:file-entry manifest:full-path=\"content.xml\""
                  + " manifest:media-type=\"text/xml\"/></manifest:manifest>")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                  + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                  + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                  + " office:version=\"1.2\"><office:body><office:text><text:p>"
                  + text
                  + "</text:p></office:text></office:body></office:document-content>")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
