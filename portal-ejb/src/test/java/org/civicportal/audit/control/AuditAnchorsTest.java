package org.civicportal.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.civicportal.persistence.control.PortalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor files and their key, on a real file system. */
class AuditAnchorsTest {
  private static final Instant T0 = Instant.parse("2026-11-26T09:00:30.123Z");
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  private AuditAnchors anchors() {
    return new AuditAnchors(dir, KEY);
  }

  @Test
  void checkpointsAreReadBackInOrderWithTheirLines() {
    AuditAnchors anchors = anchors();

    anchors.checkpoint("demoland", 3, hash('a'), T0);
    anchors.checkpoint("demoland", 8, hash('b'), T0.plusSeconds(30));

    assertThat(read(anchors, "demoland"))
        .containsExactly(
            new Checkpoint(3, hash('a'), T0, 1),
            new Checkpoint(8, hash('b'), T0.plusSeconds(30), 2));
    assertThat(anchors.file("demoland")).isEqualTo(dir.resolve("demoland.anchors"));
  }

  @Test
  void aChainThatDidNotGrowGetsNoNewCheckpointAcrossARestart() {
    anchors().checkpoint("demoland", 8, hash('b'), T0);
    AuditAnchors restarted = anchors();

    boolean same = restarted.checkpoint("demoland", 8, hash('b'), T0.plusSeconds(30));
    boolean shorter = restarted.checkpoint("demoland", 5, hash('c'), T0.plusSeconds(60));
    boolean longer = restarted.checkpoint("demoland", 9, hash('d'), T0.plusSeconds(90));

    assertThat(same).isFalse();
    assertThat(shorter).isFalse();
    assertThat(longer).isTrue();
    assertThat(read(restarted, "demoland"))
        .extracting(Checkpoint::sequence)
        .containsExactly(8L, 9L);
  }

  @Test
  void aLineWhoseHashWasChangedIsRefused() throws IOException {
    anchors().checkpoint("demoland", 3, hash('a'), T0);
    Path file = dir.resolve("demoland.anchors");
    Files.writeString(file, Files.readString(file).replace(hash('a'), hash('f')));

    assertThatThrownBy(() -> read(anchors(), "demoland"))
        .isInstanceOf(AnchorException.class)
        .hasMessageContaining("Line 1")
        .hasMessageContaining("signature");
  }

  @Test
  void aLineSignedWithAnotherKeyIsRefused() {
    new AuditAnchors(dir, "another key, also 32 bytes long!".getBytes(StandardCharsets.US_ASCII))
        .checkpoint("demoland", 3, hash('a'), T0);

    assertThatThrownBy(() -> read(anchors(), "demoland"))
        .isInstanceOf(AnchorException.class)
        .hasMessageContaining("another key");
  }

  @Test
  void aLineCopiedFromAnotherTenantsFileIsRefused() throws IOException {
    anchors().checkpoint("otherland", 3, hash('a'), T0);
    Files.copy(dir.resolve("otherland.anchors"), dir.resolve("demoland.anchors"));

    assertThatThrownBy(() -> read(anchors(), "demoland"))
        .isInstanceOf(AnchorException.class)
        .hasMessageContaining("tenant otherland");
  }

  @Test
  void linesPutOutOfOrderAreRefused() throws IOException {
    AuditAnchors anchors = anchors();
    anchors.checkpoint("demoland", 3, hash('a'), T0);
    anchors.checkpoint("demoland", 8, hash('b'), T0.plusSeconds(30));
    Path file = dir.resolve("demoland.anchors");
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    Files.write(file, List.of(lines.get(1), lines.get(0)));

    assertThatThrownBy(() -> read(anchors(), "demoland"))
        .isInstanceOf(AnchorException.class)
        .hasMessageContaining("Line 2")
        .hasMessageContaining("goes back from entry 8 to entry 3");
  }

  @Test
  void aLineThatIsNoCheckpointIsRefused() throws IOException {
    anchors().checkpoint("demoland", 3, hash('a'), T0);
    Files.writeString(dir.resolve("demoland.anchors"), "hello\n", StandardOpenOption.APPEND);

    assertThatThrownBy(() -> read(anchors(), "demoland"))
        .isInstanceOf(AnchorException.class)
        .hasMessageContaining("Line 2")
        .hasMessageContaining("is not a checkpoint");
  }

  @Test
  void linesAppendedAfterReadingBeganAreNotRead() {
    AuditAnchors anchors = anchors();
    anchors.checkpoint("demoland", 3, hash('a'), T0);
    List<Checkpoint> seen = new ArrayList<>();

    try (AuditAnchors.Reader reader = anchors.read("demoland")) {
      anchors.checkpoint("demoland", 8, hash('b'), T0.plusSeconds(30));
      reader.forEachRemaining(seen::add);
    }

    assertThat(seen).extracting(Checkpoint::sequence).containsExactly(3L);
    assertThat(anchors.newestSigned("demoland")).isEqualTo(8);
  }

  /** A write cut short by a power failure: passed over, then closed off and reported. */
  @Test
  void anUnfinishedLastLineIsPassedOverUntilTheNextCheckpointClosesIt() throws IOException {
    anchors().checkpoint("demoland", 3, hash('a'), T0);
    Path file = dir.resolve("demoland.anchors");
    Files.writeString(file, "1 demoland 8 " + hash('b'), StandardOpenOption.APPEND);

    List<Checkpoint> whileUnfinished = read(anchors(), "demoland");
    anchors().checkpoint("demoland", 9, hash('c'), T0.plusSeconds(60));

    assertThat(whileUnfinished).extracting(Checkpoint::sequence).containsExactly(3L);
    assertThatThrownBy(() -> read(anchors(), "demoland"))
        .hasMessageContaining("Line 2")
        .hasMessageContaining("is not a checkpoint");
    assertThat(Files.readAllLines(file)).hasSize(3);
    assertThat(anchors().newestSigned("demoland")).isEqualTo(9);
  }

  @Test
  void aTenantWithoutAFileHasNoCheckpoint() {
    try (AuditAnchors.Reader reader = anchors().read("demoland")) {
      assertThat(reader.exists()).isFalse();
      assertThat(reader.hasNext()).isFalse();
    }
    assertThat(anchors().newestSigned("demoland")).isZero();
  }

  @Test
  void anUnreadableFileIsReported() throws IOException {
    Files.createDirectories(dir.resolve("demoland.anchors"));

    assertThatThrownBy(() -> read(anchors(), "demoland"))
        .isInstanceOf(AnchorException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aTenantCodeThatCouldLeaveTheDirectoryIsRefused() {
    assertThatThrownBy(() -> anchors().file("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutAConfiguredKeyOneIsMadeOnceReadableByItsOwnerOnly() throws IOException {
    Path anchorDir = dir.resolve("audit");
    PortalSettings settings = settings(Map.of("PORTAL_AUDIT_ANCHOR_DIR", anchorDir.toString()));
    AuditAnchors.of(settings).checkpoint("demoland", 3, hash('a'), T0);
    String made = Files.readString(anchorDir.resolve(AnchorKey.FILE_NAME));

    AuditAnchors restarted = AuditAnchors.of(settings);

    assertThat(read(restarted, "demoland")).hasSize(1);
    assertThat(Files.readString(anchorDir.resolve(AnchorKey.FILE_NAME))).isEqualTo(made);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(anchorDir.resolve(AnchorKey.FILE_NAME))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(anchorDir)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(anchorDir.resolve("demoland.anchors"))))
        .isEqualTo("rw-------");
    try (var files = Files.list(anchorDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(AnchorKey.FILE_NAME, "demoland.anchors");
    }
  }

  @Test
  void aConfiguredKeySignsAndNoKeyIsMade() {
    String key = Base64.getEncoder().encodeToString(KEY);
    PortalSettings settings =
        settings(Map.of("PORTAL_AUDIT_ANCHOR_DIR", dir.toString(), "PORTAL_AUDIT_KEY", key));

    AuditAnchors.of(settings).checkpoint("demoland", 3, hash('a'), T0);

    assertThat(read(anchors(), "demoland")).hasSize(1);
    assertThat(dir.resolve(AnchorKey.FILE_NAME)).doesNotExist();
  }

  @Test
  void aConfiguredKeyTooShortIsReportedWhereItIsUsed() {
    byte[] shortKey = Arrays.copyOf(KEY, 16);
    PortalSettings settings =
        settings(
            Map.of(
                "PORTAL_AUDIT_ANCHOR_DIR",
                dir.toString(),
                "PORTAL_AUDIT_KEY",
                Base64.getEncoder().encodeToString(shortKey)));
    AuditAnchors anchors = AuditAnchors.of(settings);

    assertThatThrownBy(() -> anchors.checkpoint("demoland", 3, hash('a'), T0))
        .isInstanceOf(AnchorException.class)
        .hasMessageContaining("PORTAL_AUDIT_KEY");
  }

  private static PortalSettings settings(Map<String, String> env) {
    return PortalSettings.of(new Properties(), env);
  }

  private static List<Checkpoint> read(AuditAnchors anchors, String tenant) {
    List<Checkpoint> checkpoints = new ArrayList<>();
    try (AuditAnchors.Reader reader = anchors.read(tenant)) {
      reader.forEachRemaining(checkpoints::add);
    }
    return checkpoints;
  }

  private static String hash(char c) {
    return String.valueOf(c).repeat(64);
  }
}
