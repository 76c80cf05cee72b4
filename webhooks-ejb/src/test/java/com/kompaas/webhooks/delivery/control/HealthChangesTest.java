package com.kompaas.webhooks.delivery.control;

import static com.kompaas.webhooks.delivery.control.AttemptOutcome.Verdict.DELIVERED;
import static com.kompaas.webhooks.delivery.control.AttemptOutcome.Verdict.FAILED;
import static com.kompaas.webhooks.delivery.control.AttemptOutcome.Verdict.GONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kompaas.webhooks.delivery.control.HealthChanges.Change;
import com.kompaas.webhooks.delivery.control.HealthChanges.Failures;
import com.kompaas.webhooks.delivery.control.HealthChanges.Successes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthChangesTest {

  private static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");

  private static Instant t(int s) {
    return T0.plusSeconds(s);
  }

  @Test
  void aBusyHealthyEndpointCostsOneWriteAtMost() {
    var runs =
        HealthChanges.of(
            List.of(
                new Change(7, DELIVERED, t(1), true),
                new Change(7, DELIVERED, t(2), false),
                new Change(7, DELIVERED, t(3), false)));
    assertEquals(Map.of(7L, List.of(new Successes(t(1)))), runs);
    assertEquals(
        Map.of(),
        HealthChanges.of(List.of(new Change(7, DELIVERED, t(1), false))),
        "a success not worth recording writes nothing");
  }

  @Test
  void consecutiveFailuresBecomeOneWriteWithTheirCountAndFirstAndLastTime() {
    var runs =
        HealthChanges.of(
            List.of(
                new Change(3, FAILED, t(1), false),
                new Change(3, FAILED, t(2), false),
                new Change(3, FAILED, t(5), false)));
    assertEquals(Map.of(3L, List.of(new Failures(t(1), t(5), 3, false, true))), runs);
  }

  @Test
  void runsKeepTheirOrderSoTheLastOutcomeWins() {
    var runs =
        HealthChanges.of(
            List.of(
                new Change(1, FAILED, t(1), false),
                new Change(1, DELIVERED, t(2), true),
                new Change(1, FAILED, t(3), false),
                new Change(1, GONE, t(4), false)));
    assertEquals(
        List.of(
            new Failures(t(1), t(1), 1, false, true),
            new Successes(t(2)),
            new Failures(t(3), t(4), 2, true, true)),
        runs.get(1L));

    var healed =
        HealthChanges.of(
            List.of(new Change(1, FAILED, t(1), false), new Change(1, DELIVERED, t(2), true)));
    assertEquals(
        List.of(new Failures(t(1), t(1), 1, false, false).getClass(), Successes.class),
        healed.get(1L).stream().map(Object::getClass).toList(),
        "the success after the failures is written last");
  }

  @Test
  void webhooksComeInAscendingIdOrderSoBatchesLockHealthRowsInOneOrder() {
    var runs =
        HealthChanges.of(
            List.of(
                new Change(9, FAILED, t(1), false),
                new Change(2, FAILED, t(2), false),
                new Change(5, GONE, t(3), false)));
    assertEquals(List.of(2L, 5L, 9L), List.copyOf(runs.keySet()));
    assertEquals(
        List.of(new Failures(t(3), t(3), 1, true, false)),
        runs.get(5L),
        "a 410 alone is gone, not failed");
  }
}
