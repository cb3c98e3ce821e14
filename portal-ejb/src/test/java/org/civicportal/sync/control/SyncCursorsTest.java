package org.civicportal.sync.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SyncCursorsTest {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, 1_000_000_007L, Long.MAX_VALUE})
  void aCursorDecodesToItsPosition(long position) {
    String key = SyncCursors.newKey();

    String cursor = SyncCursors.encode(key, position);

    assertThat(SyncCursors.decode(key, cursor)).hasValue(position);
  }

  @Test
  void aCursorOfAnotherDeviceIsRefused() {
    String mine = SyncCursors.newKey();
    String theirs = SyncCursors.newKey();

    String cursor = SyncCursors.encode(theirs, 17);

    assertThat(SyncCursors.decode(mine, cursor)).isEmpty();
  }

  @Test
  void aCursorAlteredAnywhereIsRefused() {
    String key = SyncCursors.newKey();
    String cursor = SyncCursors.encode(key, 123_456);

    for (int i = 0; i < cursor.length(); i++) {
      char c = cursor.charAt(i);
      char other = ALPHABET.charAt((ALPHABET.indexOf(c) + 1) % ALPHABET.length());
      String altered = cursor.substring(0, i) + other + cursor.substring(i + 1);

      assertThat(SyncCursors.decode(key, altered)).as("changed at %d: %s", i, altered).isEmpty();
    }
  }

  @Test
  void aCursorCutOrExtendedIsRefused() {
    String key = SyncCursors.newKey();
    String cursor = SyncCursors.encode(key, 9);

    assertThat(SyncCursors.decode(key, cursor.substring(0, cursor.length() - 1))).isEmpty();
    assertThat(SyncCursors.decode(key, cursor.substring(0, cursor.length() - 4))).isEmpty();
    assertThat(SyncCursors.decode(key, cursor + "A")).isEmpty();
    assertThat(SyncCursors.decode(key, cursor + "AAAA")).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "0", "42", "abc", "!!!!", "not a cursor", "%00%00", "====", "é"})
  void garbageIsRefused(String garbage) {
    assertThat(SyncCursors.decode(SyncCursors.newKey(), garbage)).isEmpty();
  }

  @Test
  void aWellFormedStringOfTheRightLengthThatNoKeyWroteIsRefused() {
    String key = SyncCursors.newKey();
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[36]);

    assertThat(SyncCursors.decode(key, forged)).isEmpty();
  }

  @Test
  void aVeryLongStringIsRefused() {
    String key = SyncCursors.newKey();

    assertThat(SyncCursors.decode(key, "A".repeat(101))).isEmpty();
    assertThat(SyncCursors.decode(key, "A".repeat(1_000_000))).isEmpty();
  }

  @Test
  void aNegativePositionIsNeverGivenBack() {
    String key = SyncCursors.newKey();

    assertThat(SyncCursors.decode(key, SyncCursors.encode(key, -1))).isEmpty();
  }

  @Test
  void twoCursorsForTheSamePositionDiffer() {
    String key = SyncCursors.newKey();

    String first = SyncCursors.encode(key, 500);
    String second = SyncCursors.encode(key, 500);

    assertThat(first).isNotEqualTo(second);
    assertThat(SyncCursors.decode(key, first)).hasValue(500);
    assertThat(SyncCursors.decode(key, second)).hasValue(500);
  }

  @Test
  void cursorsAreUrlSafeAndShort() {
    String cursor = SyncCursors.encode(SyncCursors.newKey(), Long.MAX_VALUE);

    assertThat(cursor).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(100);
  }

  @Test
  void newKeysDiffer() {
    assertThat(SyncCursors.newKey()).isNotEqualTo(SyncCursors.newKey());
  }
}
