package com.kompaas.webhooks.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes what many threads submit in shared transactions: a thread that submits an item waits until
 * a batch holding it was written, and while no other thread is writing, it writes the batch itself
 * (it "leads"), taking whatever the others queued meanwhile. Under load a batch thus holds about as
 * many items as threads were waiting; alone, a thread writes its item at once, with no timer or
 * extra thread in between.
 *
 * <p>A batch is written all or nothing (one transaction). If it fails, every submitter of the batch
 * hears {@code false} and writes its item again on its own: nothing of the failed batch was kept,
 * so each item still ends up written once. Callers keep their item, which is what makes that
 * fallback possible, and what a crash can lose is exactly what it could lose without batching.
 *
 * @param <T> what is written
 */
public final class GroupCommit<T> {

  /** Writes a batch in one transaction: all of it or, by throwing, none of it. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(List<T> batch);
  }

  /** How long a waiting thread sleeps at most before it looks for a free writer slot itself. */
  static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Writer<T> writer;
  private final int maxBatch;
  private final Semaphore writers;
  private final ConcurrentLinkedQueue<Entry<T>> queue = new ConcurrentLinkedQueue<>();

  /**
   * @param maxBatch items per transaction at most
   * @param concurrentWriters transactions in progress at once at most
   */
  public GroupCommit(Writer<T> writer, int maxBatch, int concurrentWriters) {
    if (maxBatch < 1 || concurrentWriters < 1) {
      throw new IllegalArgumentException("batch size and writers must be positive");
    }
    this.writer = Objects.requireNonNull(writer);
    this.maxBatch = maxBatch;
    this.writers = new Semaphore(concurrentWriters);
  }

  /**
   * @return true once a batch holding the item was written; false if that batch failed, when
   *     nothing of it was kept and the caller must write the item on its own
   */
  public boolean submit(T item) throws InterruptedException {
    Entry<T> entry = new Entry<>(item, Thread.currentThread());
    queue.add(entry);
    while (true) {
      if (entry.done) {
        return entry.written;
      }
      // lead only while the item still waits: once a writer has taken it, looping through the
      // free slot and the queue would spin until that writer is done (it was 11 % of the
      // application's CPU samples under load, see docs/benchmarks.md); the writer unparks us
      if (!entry.taken && writers.tryAcquire()) {
        try {
          if (!entry.taken) {
            writeOneBatch();
          }
        } finally {
          writers.release();
        }
        Entry<T> next = queue.peek();
        if (next != null) {
          LockSupport.unpark(next.owner); // a writer slot is free: let the next waiter lead
        }
      } else {
        LockSupport.parkNanos(this, IDLE_NANOS);
        if (Thread.interrupted()) {
          if (queue.remove(entry)) {
            throw new InterruptedException(); // never taken into a batch: nothing was written
          }
          // a writer holds it: wait for its verdict, then restore the interrupt
          while (!entry.done) {
            LockSupport.parkNanos(this, IDLE_NANOS);
          }
          Thread.currentThread().interrupt();
          return entry.written;
        }
      }
    }
  }

  /** Items waiting for a batch now (for tests: a size walk of the queue, not cheap). */
  int waiting() {
    return queue.size();
  }

  private void writeOneBatch() {
    List<Entry<T>> batch = new ArrayList<>(Math.min(maxBatch, 64));
    Entry<T> next;
    while (batch.size() < maxBatch && (next = queue.poll()) != null) {
      next.taken = true;
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return;
    }
    List<T> items = new ArrayList<>(batch.size());
    for (Entry<T> e : batch) {
      items.add(e.item);
    }
    boolean written = false;
    try {
      writer.write(items);
      written = true;
    } catch (RuntimeException e) {
      // rolled back whole: each submitter writes its own item again
    } finally {
      for (Entry<T> e : batch) {
        e.written = written;
        e.done = true;
        LockSupport.unpark(e.owner);
      }
    }
  }

  private static final class Entry<T> {
    final T item;
    final Thread owner;

    /** Taken into a batch by a writer: its owner only waits for the verdict now. */
    volatile boolean taken;

    volatile boolean written;
    volatile boolean done;

    Entry(T item, Thread owner) {
      this.item = item;
      this.owner = owner;
    }
  }
}
