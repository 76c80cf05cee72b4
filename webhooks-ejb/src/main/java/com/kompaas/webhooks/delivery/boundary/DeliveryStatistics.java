package com.kompaas.webhooks.delivery.boundary;

import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.Delivery;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers about an account's deliveries for the console: per webhook (last result, success rate)
 * and over time (rate, success, latency percentiles). Every query names the account.
 *
 * <p>Percentiles are computed in Java over a bounded sample: the newest {@link #SAMPLE_LIMIT}
 * attempts of the window (MariaDB has no ordered-set aggregates, and a window function over
 * millions of rows would cost more than the chart is worth). When the window holds more, the sample
 * covers its newest part and {@link Series#sampled()} says so.
 */
@Stateless
public class DeliveryStatistics {

  public static final int SAMPLE_LIMIT = 50_000;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * One webhook's recent deliveries: {@code finished} are the succeeded plus the finally failed.
   */
  public record WebhookStats(
      long webhookId,
      long total,
      long succeeded,
      long failed,
      String lastStatus,
      Integer lastStatusCode,
      Instant lastAt) {
    /** Share of finished deliveries that succeeded, 0..100; null when none finished. */
    public Double successRate() {
      long finished = succeeded + failed;
      return finished == 0 ? null : 100.0 * succeeded / finished;
    }
  }

  /** The account's webhooks that had deliveries since {@code since}, or a last attempt ever. */
  public Map<Long, WebhookStats> byWebhook(String accountId, Duration window) {
    Instant since = clock.instant().minus(window);
    Map<Long, long[]> counts = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(Delivery.COUNTS_BY_WEBHOOK_SINCE, Object[].class)
            .setParameter("accountId", accountId)
            .setParameter("since", since)
            .getResultList()) {
      counts.put((Long) row[0], new long[] {number(row[1]), number(row[2]), number(row[3])});
    }
    Map<Long, WebhookStats> stats = new HashMap<>();
    for (Delivery d :
        em.createNamedQuery(Delivery.LATEST_PER_WEBHOOK, Delivery.class)
            .setParameter("accountId", accountId)
            .getResultList()) {
      long[] c = counts.getOrDefault(d.getWebhookId(), new long[3]);
      stats.put(
          d.getWebhookId(),
          new WebhookStats(
              d.getWebhookId(),
              c[0],
              c[1],
              c[2],
              d.getStatus().name(),
              d.getLastStatusCode(),
              d.getLastAttemptAt()));
    }
    counts.forEach(
        (id, c) -> stats.putIfAbsent(id, new WebhookStats(id, c[0], c[1], c[2], null, null, null)));
    return stats;
  }

  /**
   * Attempts over a window in {@code buckets} equal slices.
   *
   * @param perMinute attempts per minute in each slice
   * @param successRate share of attempts that delivered in each slice, 0..100, null when none
   * @param latency p50, p95 and p99 of the attempts' durations in ms in each slice (rows), null for
   *     a slice without attempts
   */
  public record Series(
      Instant from,
      Duration bucket,
      double[] perMinute,
      Double[] successRate,
      Long[][] latency,
      long attempts,
      long delivered,
      long p50,
      long p95,
      long p99,
      boolean sampled) {}

  /** The percentiles {@link Series#latency()} holds, in its row order. */
  public static final int[] PERCENTILES = {50, 95, 99};

  public Series series(String accountId, Duration window, int buckets) {
    Instant now = clock.instant();
    Instant from = now.minus(window);
    Duration bucket = window.dividedBy(buckets);
    List<Object[]> rows =
        em.createNamedQuery(Attempt.SAMPLE_BY_ACCOUNT_SINCE, Object[].class)
            .setParameter("accountId", accountId)
            .setParameter("since", from)
            .setMaxResults(SAMPLE_LIMIT)
            .getResultList();
    long[] count = new long[buckets];
    long[] ok = new long[buckets];
    List<Long> durations = new ArrayList<>(rows.size());
    List<List<Long>> byBucket = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      byBucket.add(new ArrayList<>());
    }
    long delivered = 0;
    for (Object[] row : rows) {
      int i =
          (int)
              Math.min(
                  buckets - 1,
                  Duration.between(from, (Instant) row[0]).toMillis()
                      / Math.max(1, bucket.toMillis()));
      count[i]++;
      durations.add((Long) row[1]);
      byBucket.get(i).add((Long) row[1]);
      if (row[2] == Attempt.Outcome.DELIVERED) {
        ok[i]++;
        delivered++;
      }
    }
    double minutes = bucket.toMillis() / 60_000.0;
    double[] rate = new double[buckets];
    Double[] success = new Double[buckets];
    for (int i = 0; i < buckets; i++) {
      rate[i] = Math.round(count[i] / minutes * 100) / 100.0;
      success[i] = count[i] == 0 ? null : Math.round(1000.0 * ok[i] / count[i]) / 10.0;
    }
    Long[][] latency = new Long[PERCENTILES.length][buckets];
    for (int i = 0; i < buckets; i++) {
      if (byBucket.get(i).isEmpty()) {
        continue;
      }
      long[] slice = byBucket.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
      for (int p = 0; p < PERCENTILES.length; p++) {
        latency[p][i] = percentile(slice, PERCENTILES[p]);
      }
    }
    long[] sorted = durations.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Series(
        from,
        bucket,
        rate,
        success,
        latency,
        rows.size(),
        delivered,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        rows.size() == SAMPLE_LIMIT);
  }

  /** Nearest-rank percentile; 0 for no data. */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
