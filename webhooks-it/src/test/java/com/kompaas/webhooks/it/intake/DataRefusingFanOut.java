package com.kompaas.webhooks.it.intake;

import com.kompaas.webhooks.delivery.control.DeliveryRows;
import com.kompaas.webhooks.delivery.control.EnabledWebhooks;
import com.kompaas.webhooks.delivery.control.FanOut;
import com.kompaas.webhooks.delivery.control.Job;
import com.kompaas.webhooks.event.entity.Event;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import java.sql.SQLDataException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails the intake transaction of chosen events as MariaDB fails a value it cannot hold (SQLSTATE
 * 22001), every time: what the parser should have refused but did not. Everything else behaves as
 * usual.
 */
@Alternative
@Priority(1000)
@Dependent
public class DataRefusingFanOut extends FanOut {

  /** Producer ids of the events the "database" refuses. */
  static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

  @Override
  public List<Job> plan(
      Event event,
      Instant leaseUntil,
      EnabledWebhooks enabled,
      List<DeliveryRows.NewDelivery> rows) {
    if (REFUSED.contains(event.getExternalId())) {
      throw new IllegalStateException(
          "test: the insert fails",
          new SQLDataException("Data too long for column 'data' at row 1", "22001", 1406));
    }
    return super.plan(event, leaseUntil, enabled, rows);
  }
}
