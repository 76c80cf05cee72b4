package com.kompaas.webhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private final ExecutorService threads = Executors.newFixedThreadPool(32);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aLoneItemIsWrittenAtOnceByItsOwnThread() throws Exception {
    List<List<String>> written = Collections.synchronizedList(new ArrayList<>());
    var commit = new GroupCommit<String>(written::add, 10, 1);
    assertTrue(commit.submit("a"));
    assertEquals(List.of(List.of("a")), written);
  }

  @Test
  void itemsSubmittedWhileABatchIsBeingWrittenShareTheNextOne() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    List<List<Integer>> written = Collections.synchronizedList(new ArrayList<>());
    var commit =
        new GroupCommit<Integer>(
            batch -> {
              written.add(List.copyOf(batch));
              if (batch.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
              }
            },
            100,
            1);
    Future<Boolean> first = threads.submit(() -> commit.submit(0));
    assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
    List<Future<Boolean>> rest = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      int item = i;
      rest.add(threads.submit(() -> commit.submit(item)));
    }
    awaitWaiting(commit, 20); // all twenty are queued behind the running batch
    releaseFirst.countDown();
    assertTrue(first.get(5, TimeUnit.SECONDS));
    for (Future<Boolean> f : rest) {
      assertTrue(f.get(5, TimeUnit.SECONDS));
    }
    assertEquals(
        2,
        written.size(),
        "one batch for the first item, one for the twenty that waited: " + written);
    assertEquals(20, written.get(1).size());
  }

  @Test
  void aBatchNeverExceedsItsLimitAndEveryItemIsWrittenOnce() throws Exception {
    List<Integer> all = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger largest = new AtomicInteger();
    var commit =
        new GroupCommit<Integer>(
            batch -> {
              largest.accumulateAndGet(batch.size(), Math::max);
              all.addAll(batch);
              sleep(2);
            },
            5,
            2);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int item = i;
      results.add(threads.submit(() -> commit.submit(item)));
    }
    for (Future<Boolean> f : results) {
      assertTrue(f.get(20, TimeUnit.SECONDS));
    }
    assertEquals(500, all.size());
    assertEquals(500, all.stream().distinct().count(), "no item written twice");
    assertTrue(largest.get() <= 5, "largest batch " + largest.get());
  }

  @Test
  void whenABatchFailsEverySubmitterHearsSoAndNoneOfItWasKept() throws Exception {
    AtomicBoolean failNext = new AtomicBoolean(true);
    List<Integer> kept = Collections.synchronizedList(new ArrayList<>());
    var commit =
        new GroupCommit<Integer>(
            batch -> {
              if (failNext.getAndSet(false)) {
                throw new IllegalStateException("deadlock");
              }
              kept.addAll(batch);
            },
            100,
            1);
    assertFalse(commit.submit(1), "the failed batch is reported to its submitter");
    assertEquals(List.of(), kept);
    assertTrue(commit.submit(2), "the next batch is written as usual");
    assertEquals(List.of(2), kept);
  }

  @Test
  void concurrentSubmittersOfAFailedBatchAllHearFalse() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger batches = new AtomicInteger();
    var commit =
        new GroupCommit<Integer>(
            batch -> {
              int n = batches.incrementAndGet();
              if (n == 1) {
                started.countDown();
                await(release);
                return;
              }
              if (n == 2) {
                throw new IllegalStateException("the shared transaction fails");
              }
            },
            100,
            1);
    Future<Boolean> first = threads.submit(() -> commit.submit(0));
    assertTrue(started.await(5, TimeUnit.SECONDS));
    List<Future<Boolean>> waiting = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      int item = i;
      waiting.add(threads.submit(() -> commit.submit(item)));
    }
    awaitWaiting(commit, 10);
    release.countDown();
    assertTrue(first.get(5, TimeUnit.SECONDS));
    for (Future<Boolean> f : waiting) {
      assertFalse(f.get(5, TimeUnit.SECONDS), "each of the failed batch writes its item alone");
    }
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new GroupCommit<String>(b -> {}, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new GroupCommit<String>(b -> {}, 1, 0));
  }

  private static void awaitWaiting(GroupCommit<?> commit, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (commit.waiting() < n) {
      assertTrue(System.nanoTime() < deadline, "only " + commit.waiting() + " of " + n + " queued");
      Thread.sleep(5);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
