package org.civicportal.search;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;

/**
 * Decides at start-up whether the directory holds a usable index and, if not, clears it.
 *
 * <p>The index is a cache of the database: when it is missing, corrupt, or written by another
 * Lucene format, repairing it is pointless and refusing to start would take the portal down, so its
 * files are removed and the caller is told to rebuild from the database.
 */
final class IndexRecovery {

  private static final System.Logger LOG = System.getLogger(IndexRecovery.class.getName());

  private IndexRecovery() {}

  /**
   * The user data of the last commit, or empty when there is no usable index, in which case the
   * index files (and only those) have been deleted. Holds the write lock while it looks, so it
   * never clears an index another writer is using.
   */
  static Optional<Map<String, String>> lastCommitOrClear(Directory directory) throws IOException {
    try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      Optional<Map<String, String>> userData = readLastCommit(directory);
      if (userData.isEmpty()) {
        removeIndexFiles(directory);
      }
      return userData;
    }
  }

  private static Optional<Map<String, String>> readLastCommit(Directory directory)
      throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Optional.empty();
    }
    // Opening a reader reads the segments file and every segment's header and footer, which is
    // where truncation, garbage and missing files show up; a full CheckIndex would read every
    // byte and make start-up as slow as a rebuild.
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return Optional.of(Map.copyOf(reader.getIndexCommit().getUserData()));
    } catch (IOException | RuntimeException e) {
      // Any failure to read a commit means the index is unusable: corruption, truncation, a
      // missing file, another format, or an unknown codec name (an IllegalArgumentException from
      // the SPI lookup). The index is a cache of the database, so it is rebuilt rather than
      // repaired. The write lock is already ours, so a lock failure cannot reach this point.
      LOG.log(
          System.Logger.Level.WARNING,
          "Search index unusable, it will be rebuilt: {0}",
          e.toString());
      return Optional.empty();
    }
  }

  private static void removeIndexFiles(Directory directory) throws IOException {
    for (String file : directory.listAll()) {
      if (isIndexFile(file)) {
        directory.deleteFile(file);
      }
    }
  }

  private static boolean isIndexFile(String name) {
    return name.startsWith(IndexFileNames.SEGMENTS)
        || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
        || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
  }
}
