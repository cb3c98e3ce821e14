package org.civicportal.indexing.control;

import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/** How far a rebuild of the search index has gone; read by the admin page while it runs. */
public final class RebuildProgress {
  /** Where a rebuild stands. */
  public enum State {
    IDLE,
    RUNNING,
    DONE,
    FAILED
  }

  private volatile State state = State.IDLE;
  private volatile long total;
  private final AtomicLong done = new AtomicLong();
  private volatile Instant startedAt;
  private volatile Instant finishedAt;
  private volatile String error;

  /** Marks a rebuild as under way; false when one already is. */
  public synchronized boolean claim() {
    if (state == State.RUNNING) {
      return false;
    }
    total = 0;
    done.set(0);
    startedAt = Instant.now();
    finishedAt = null;
    error = null;
    state = State.RUNNING;
    return true;
  }

  void started(long total) {
    if (state != State.RUNNING) {
      claim();
    }
    this.total = total;
  }

  void finished() {
    finishedAt = Instant.now();
    state = State.DONE;
  }

  void failed(String error) {
    this.error = error;
    finishedAt = Instant.now();
    state = State.FAILED;
  }

  /** The documents, counted as the index takes each one. */
  <T> Iterable<T> counting(Iterable<T> documents) {
    return () -> {
      Iterator<T> it = documents.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          T next = it.next();
          done.incrementAndGet();
          return next;
        }
      };
    };
  }

  /** A snapshot for pages and the API. */
  public record Snapshot(
      State state,
      long done,
      long total,
      int percent,
      Instant startedAt,
      Instant finishedAt,
      String error) {}

  public Snapshot snapshot() {
    long t = total;
    long d = Math.min(done.get(), t);
    int percent = t == 0 ? (state == State.DONE ? 100 : 0) : (int) (d * 100 / t);
    return new Snapshot(state, d, t, percent, startedAt, finishedAt, error);
  }

  public boolean isRunning() {
    return state == State.RUNNING;
  }
}
