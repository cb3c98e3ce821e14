package org.civicportal.audit.control;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * One append-only file of text lines, written so that a line is on disk once {@link #append}
 * returns, and read as it was when {@link #lines} was called. Created, with its directory, readable
 * by its owner only.
 */
final class AnchorFile {
  /** Longer lines are cut here when read: no checkpoint comes near it. */
  static final int MAX_LINE = 1024;

  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<OpenOption> APPEND =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

  private final Path path;

  AnchorFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /**
   * Appends {@code line} (which ends in a newline) and forces it to disk. A last line left without
   * its newline (a write cut short by a power failure) is closed first, so that it stays a line of
   * its own, which readers then report, rather than merging with this one.
   */
  void append(String line) throws IOException {
    createDirectory(path.getParent());
    boolean created = !Files.exists(path);
    String text = !created && lacksFinalNewline() ? "\n" + line : line;
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    try (FileChannel out =
        posix(path.getParent())
            ? FileChannel.open(path, APPEND, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE))
            : FileChannel.open(path, APPEND)) {
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(true);
    }
    if (created) {
      syncDirectory(path.getParent());
    }
  }

  private boolean lacksFinalNewline() throws IOException {
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = in.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      in.read(last, size - 1);
      return last.get(0) != '\n';
    }
  }

  /**
   * The file's complete lines as they are now; lines appended later, and a last line still without
   * its newline (being written, or cut short), are not read. Null when the file does not exist.
   */
  Lines lines() throws IOException {
    InputStream in;
    try {
      in = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      return new Lines(new BufferedInputStream(in), Files.size(path));
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** Lines read one at a time, each as ISO-8859-1 text so that no byte is lost or refused. */
  static final class Lines implements AutoCloseable {
    private final InputStream in;
    private long remaining;
    private long number;

    private Lines(InputStream in, long size) {
      this.in = in;
      this.remaining = size;
    }

    /** The next complete line without its newline, or null when there is none. */
    String next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (remaining > 0) {
        int b = in.read();
        if (b < 0) {
          return null;
        }
        remaining--;
        if (b == '\n') {
          number++;
          return line.toString(StandardCharsets.ISO_8859_1);
        }
        if (line.size() < MAX_LINE) {
          line.write(b);
        }
      }
      return null;
    }

    /** The number of the line {@link #next} returned last, counted from 1. */
    long number() {
      return number;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates {@code dir}, accessible to its owner only, and its missing parents. */
  static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir.getParent());
    try {
      if (posix(dir.getParent())) {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /** Forces a directory's entries to disk, so a new file in it survives a crash. */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every platform can open a directory (Windows cannot): its file system orders this
    }
  }
}
