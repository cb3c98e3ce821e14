package org.civicportal.form.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class FileTypesTest {
  @Test
  void readsTheTypeFromTheBytesNotTheName() {
    assertThat(FileTypes.sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), "x.jpg"))
        .contains("application/pdf");
    assertThat(
            FileTypes.sniff(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}, "x.pdf"))
        .contains("image/png");
    assertThat(FileTypes.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "a"))
        .contains("image/jpeg");
    assertThat(
            FileTypes.sniff(
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "photo.jpg"))
        .isEmpty();
    assertThat(
            FileTypes.sniff("<html><script>x</script>".getBytes(StandardCharsets.UTF_8), "a.txt"))
        .isEmpty();
    assertThat(FileTypes.sniff("just words\n".getBytes(StandardCharsets.UTF_8), "notes.txt"))
        .contains("text/plain");
    assertThat(FileTypes.sniff(new byte[0], "a.pdf")).isEmpty();
  }

  @Test
  void tellsWordAndOpenDocumentFromOtherZips() throws IOException {
    assertThat(FileTypes.sniff(zip("word/document.xml", null), "a.docx"))
        .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(FileTypes.sniff(zip("content.xml", "application/vnd.oasis.opendocument.text"), "a"))
        .contains("application/vnd.oasis.opendocument.text");
    assertThat(FileTypes.sniff(zip("evil.exe", null), "a.docx")).isEmpty();
  }

  private static byte[] zip(String entry, String mimetype) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (mimetype != null) {
        ZipEntry m = new ZipEntry("mimetype");
        m.setMethod(ZipEntry.STORED);
        byte[] b = mimetype.getBytes(StandardCharsets.US_ASCII);
        m.setSize(b.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b);
        m.setCrc(crc.getValue());
        zip.putNextEntry(m);
        zip.write(b);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(entry));
      zip.write("x".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
