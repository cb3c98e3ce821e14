package org.civicportal.request.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  @Test
  void tenantLettersYearAndSixDigits() {
    assertThat(References.format("demoland", Year.of(2026), 123)).isEqualTo("DEM-2026-000123");
    assertThat(References.format("samplestan", Year.of(2027), 1_000_000))
        .isEqualTo("SAM-2027-1000000");
    assertThat(References.format("x1", Year.of(2026), 1)).isEqualTo("XXX-2026-000001");
  }

  @Test
  void fileNamesLoseTheirPathAndControlCharacters() {
    assertThat(org.civicportal.form.control.UploadedFiles.safeName("C:\\Users\\me\\photo.jpg"))
        .isEqualTo("photo.jpg");
    assertThat(org.civicportal.form.control.UploadedFiles.safeName("../../etc/passwd"))
        .isEqualTo("passwd");
    assertThat(org.civicportal.form.control.UploadedFiles.safeName("a\u0000b\nc\".png"))
        .isEqualTo("abc.png");
    assertThat(org.civicportal.form.control.UploadedFiles.safeName("")).isEqualTo("file");
  }
}
