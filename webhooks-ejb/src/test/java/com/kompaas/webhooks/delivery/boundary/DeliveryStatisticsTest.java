package com.kompaas.webhooks.delivery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DeliveryStatisticsTest {

  @Test
  void nearestRankPercentiles() {
    long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    assertEquals(50, DeliveryStatistics.percentile(sorted, 50));
    assertEquals(100, DeliveryStatistics.percentile(sorted, 95));
    assertEquals(100, DeliveryStatistics.percentile(sorted, 99));
    assertEquals(7, DeliveryStatistics.percentile(new long[] {7}, 50));
    assertEquals(0, DeliveryStatistics.percentile(new long[0], 99));
  }

  @Test
  void successRateCountsFinishedDeliveriesOnly() {
    var stats = new DeliveryStatistics.WebhookStats(1, 10, 3, 1, "SUCCEEDED", 200, null);
    assertEquals(75.0, stats.successRate());
    assertNull(
        new DeliveryStatistics.WebhookStats(1, 4, 0, 0, "PENDING", null, null).successRate());
  }
}
