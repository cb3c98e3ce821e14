package org.civicportal.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.lucene.index.IndexWriter;

/**
 * The indexing threads of one rebuild: the rebuilding thread reads the source (which need not be
 * thread-safe) and hands documents in small batches to one worker per processor, which convert and
 * analyse them into the shared {@link IndexWriter} (thread-safe, one in-memory segment per thread).
 * A source of fewer than {@link #PARALLEL_FROM} documents is indexed on the rebuilding thread
 * alone: threads would save nothing there, and would split it into one segment per thread.
 *
 * <p>Order that matters is kept: a document goes to the worker chosen by its key's slot, so two
 * documents with the same key are added by the same thread in source order, and the later one's
 * update always replaces the earlier one. Progress is reported on the rebuilding thread, once per
 * indexed document, counting up by one. Never interrupts a worker (an interrupt closes the files a
 * Lucene thread is reading or writing); cancelling lets each worker finish its current batch.
 */
final class BulkIndexing implements AutoCloseable {

  static final int PARALLEL_FROM = 1024;

  private static final int BATCH = 64;
  private static final int QUEUED_BATCHES = 4;
  private static final int MAX_THREADS = 8;
  private static final long POLL_MILLIS = 50;
  private static final List<Item> END = List.of();

  private record Item(IndexDocument document, int slot, boolean update) {}

  private final IndexWriter writer;
  private final LongConsumer progress;
  private final int threadCount;
  private final List<Item> first = new ArrayList<>();
  private ExecutorService threads; // started at PARALLEL_FROM documents
  private final List<BlockingQueue<List<Item>>> queues = new ArrayList<>();
  private final List<List<Item>> filling = new ArrayList<>();
  private final List<Future<?>> workers = new ArrayList<>();
  private final AtomicLong indexed = new AtomicLong();
  private volatile boolean cancelled;
  private boolean finished;
  private long reported;

  BulkIndexing(IndexWriter writer, LongConsumer progress) {
    this(writer, progress, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  BulkIndexing(IndexWriter writer, LongConsumer progress, int threadCount) {
    this.writer = writer;
    this.progress = progress;
    this.threadCount = threadCount;
  }

  /**
   * Queues a document on the worker of its key's {@code slot} (same key, same slot), as an update
   * of that key when {@code update}, else as a plain add; reports what has been indexed meanwhile.
   */
  void add(IndexDocument document, int slot, boolean update) throws IOException {
    Item item = new Item(document, slot, update);
    if (threads == null) {
      first.add(item);
      if (first.size() >= PARALLEL_FROM) {
        start();
        for (Item queued : first) {
          queue(queued);
        }
        first.clear();
      }
    } else {
      queue(item);
    }
    report();
  }

  /** Indexes what is still queued, waits for the workers, and reports the last documents. */
  void finish() throws IOException {
    if (threads == null) {
      for (Item item : first) {
        index(item);
        report();
      }
      finished = true;
      return;
    }
    for (int worker = 0; worker < queues.size(); worker++) {
      if (!filling.get(worker).isEmpty()) {
        send(worker);
      }
      put(worker, END);
    }
    for (Future<?> worker : workers) {
      while (!await(worker)) {
        report();
      }
    }
    finished = true;
    report();
  }

  /** Stops the workers, after their current batch when {@link #finish()} did not run. */
  @Override
  public void close() {
    if (threads == null) {
      return;
    }
    if (!finished) {
      cancelled = true;
      for (int worker = 0; worker < queues.size(); worker++) {
        queues.get(worker).clear(); // only this thread adds, so END now fits
        queues.get(worker).offer(END);
      }
    }
    threads.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (threads.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true; // wait anyway: the caller rolls back the writer these threads use
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void start() {
    AtomicInteger number = new AtomicInteger();
    threads =
        Executors.newFixedThreadPool(
            threadCount,
            task -> {
              Thread thread = new Thread(task, "search-index-rebuild-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    for (int i = 0; i < threadCount; i++) {
      BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
      queues.add(queue);
      filling.add(new ArrayList<>(BATCH));
      workers.add(
          threads.submit(
              () -> {
                work(queue);
                return null;
              }));
    }
  }

  private void queue(Item item) throws IOException {
    int worker = Math.floorMod(item.slot(), queues.size());
    List<Item> batch = filling.get(worker);
    batch.add(item);
    if (batch.size() >= BATCH) {
      send(worker);
    }
  }

  private void work(BlockingQueue<List<Item>> queue) throws IOException, InterruptedException {
    for (List<Item> batch = queue.take(); batch != END && !cancelled; batch = queue.take()) {
      for (Item item : batch) {
        index(item);
      }
    }
  }

  private void index(Item item) throws IOException {
    if (item.update()) {
      writer.updateDocument(
          Documents.keyTerm(item.document().key()), Documents.toLucene(item.document()));
    } else {
      writer.addDocument(Documents.toLucene(item.document()));
    }
    indexed.incrementAndGet();
  }

  private void send(int worker) throws IOException {
    put(worker, filling.get(worker));
    filling.set(worker, new ArrayList<>(BATCH));
  }

  /** Waits for room in the worker's queue, reporting progress, and fails if a worker failed. */
  private void put(int worker, List<Item> batch) throws IOException {
    try {
      while (!queues.get(worker).offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        for (Future<?> running : workers) {
          if (running.isDone()) {
            await(running); // throws its failure, if it failed
          }
        }
        if (workers.get(worker).isDone()) {
          throw new IllegalStateException("A rebuild worker stopped early");
        }
        report();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Rebuild interrupted");
    }
  }

  /** True once the worker has ended; throws its failure. */
  private static boolean await(Future<?> worker) throws IOException {
    try {
      worker.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Rebuild interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }

  private void report() {
    for (long done = indexed.get(); reported < done; ) {
      progress.accept(++reported);
    }
  }
}
