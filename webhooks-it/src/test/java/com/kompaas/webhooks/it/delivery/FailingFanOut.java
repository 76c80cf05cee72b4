package com.kompaas.webhooks.it.delivery;

import com.kompaas.webhooks.delivery.control.DeliveryRows;
import com.kompaas.webhooks.delivery.control.EnabledWebhooks;
import com.kompaas.webhooks.delivery.control.FanOut;
import com.kompaas.webhooks.delivery.control.Job;
import com.kompaas.webhooks.event.entity.Event;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails the intake transaction a chosen number of times for chosen events, after the event row was
 * written and before the commit, as a crash or a lost database connection would; everything else
 * behaves as usual.
 */
@Alternative
@Priority(1000)
@Dependent
public class FailingFanOut extends FanOut {

  /** Event id → how many more times its intake transaction fails. */
  static final Map<String, Integer> FAILURES_LEFT = new ConcurrentHashMap<>();

  @Override
  public List<Job> plan(
      Event event,
      Instant leaseUntil,
      EnabledWebhooks enabled,
      List<DeliveryRows.NewDelivery> rows) {
    Integer left = FAILURES_LEFT.get(event.getExternalId());
    if (left != null) {
      if (left <= 1) {
        FAILURES_LEFT.remove(event.getExternalId());
      } else {
        FAILURES_LEFT.put(event.getExternalId(), left - 1);
      }
      throw new IllegalStateException("test: the intake transaction fails before its commit");
    }
    return super.plan(event, leaseUntil, enabled, rows);
  }
}
