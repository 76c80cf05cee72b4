package com.kompaas.webhooks.it.delivery;

import com.kompaas.webhooks.delivery.control.Job;
import com.kompaas.webhooks.delivery.control.FanOut;
import com.kompaas.webhooks.intake.entity.Event;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails the intake transaction once for chosen events, after the event row was written and before
 * the commit, as a crash or a lost database connection would; everything else behaves as usual.
 */
@Alternative
@Priority(1000)
@Dependent
public class FailingOnceFanOut extends FanOut {

  static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();

  @Override
  public List<Job> deliveriesFor(Event event, Instant now) {
    if (FAIL_ONCE.remove(event.getExternalId())) {
      throw new IllegalStateException("test: the intake transaction fails before its commit");
    }
    return super.deliveriesFor(event, now);
  }
}
