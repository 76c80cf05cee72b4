package com.kompaas.webhooks.delivery.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch of attempts does to the webhooks' health rows, with as few writes as written one by
 * one would leave behind. Per webhook, in the order the attempts finished, a run of failures is one
 * write (their count added to the consecutive failures, the first one's time as the start of the
 * failing if none was recorded, the last one's as the last failure), and a run of successes is one
 * write (the last success worth recording; see {@link EndpointGate#successWorthRecording}).
 * Webhooks come in ascending id order, so concurrent batches lock health rows in one order.
 */
public final class HealthChanges {

  /** One attempt that decided its delivery. */
  public record Change(
      long webhookId, AttemptOutcome.Verdict verdict, Instant at, boolean successWorthRecording) {}

  /** A run of one webhook's attempts that becomes one write. */
  public sealed interface Run permits Successes, Failures {}

  /** The endpoint answered: consecutive failures back to zero, failing no more. */
  public record Successes(Instant lastAt) implements Run {}

  /**
   * Consecutive failures.
   *
   * @param gone whether one of them was a 410 Gone
   * @param failed whether one of them was an ordinary failure (which can switch the webhook off
   *     after days of failing)
   */
  public record Failures(Instant firstAt, Instant lastAt, int count, boolean gone, boolean failed)
      implements Run {}

  private HealthChanges() {}

  /**
   * @return per webhook, in ascending id order, the writes to make in order
   */
  public static Map<Long, List<Run>> of(List<Change> changes) {
    Map<Long, List<Change>> byWebhook = new TreeMap<>();
    for (Change change : changes) {
      byWebhook.computeIfAbsent(change.webhookId(), id -> new ArrayList<>()).add(change);
    }
    Map<Long, List<Run>> runs = new LinkedHashMap<>();
    byWebhook.forEach(
        (webhookId, list) -> {
          List<Run> out = runs(list);
          if (!out.isEmpty()) {
            runs.put(webhookId, out);
          }
        });
    return runs;
  }

  private static List<Run> runs(List<Change> changes) {
    List<Run> runs = new ArrayList<>();
    Failures failures = null;
    Instant success = null;
    for (Change change : changes) {
      if (change.verdict() == AttemptOutcome.Verdict.DELIVERED) {
        if (failures != null) {
          runs.add(failures);
          failures = null;
        }
        if (change.successWorthRecording()) {
          success = change.at();
        }
      } else {
        if (success != null) {
          runs.add(new Successes(success));
          success = null;
        }
        boolean gone = change.verdict() == AttemptOutcome.Verdict.GONE;
        failures =
            failures == null
                ? new Failures(change.at(), change.at(), 1, gone, !gone)
                : new Failures(
                    failures.firstAt(),
                    change.at(),
                    failures.count() + 1,
                    failures.gone() || gone,
                    failures.failed() || !gone);
      }
    }
    if (failures != null) {
      runs.add(failures);
    }
    if (success != null) {
      runs.add(new Successes(success));
    }
    return runs;
  }
}
