package com.kompaas.webhooks.delivery.boundary;

import com.kompaas.webhooks.delivery.control.DeliveryConfiguration;
import com.kompaas.webhooks.delivery.control.DeliveryStore;
import com.kompaas.webhooks.delivery.control.Job;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a second, hands out the deliveries that are due: resends whose time has come, and deliveries
 * whose lease ran out because a message was lost or a sender died. Every instance runs it; {@code
 * SKIP LOCKED} gives each a disjoint batch.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryScheduler {

  /** Batches per tick at most, so one tick cannot run for ever under a huge backlog. */
  static final int MAX_BATCHES = 20;

  @Inject DeliveryStore store;

  @Inject Dispatcher dispatcher;

  @Inject DeliveryConfiguration configuration;

  @Inject Clock clock;

  @Inject Logger log;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(
      second = "*",
      minute = "*",
      hour = "*",
      persistent = false) // rows in the database are the schedule
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return; // the previous tick is still handing out
    }
    try {
      handOutDue();
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Handing out due deliveries failed; the next tick tries again", e);
    } finally {
      running.set(false);
    }
  }

  /**
   * Claims due deliveries for this instance's resend senders, as many as their queue has room for
   * (a claimed delivery that waited in memory past its lease would only come back later).
   *
   * @return how many deliveries were handed out
   */
  public int handOutDue() {
    int total = 0;
    for (int i = 0; i < MAX_BATCHES; i++) {
      int batch = Math.min(configuration.schedulerBatch(), dispatcher.resendRoom());
      if (batch == 0) {
        break; // the senders are busy with what they have; the rest waits in the database
      }
      Instant now = clock.instant();
      List<Job> jobs = store.handOutDue(now, batch, now.plus(configuration.lease()));
      dispatcher.resend(jobs);
      total += jobs.size();
      if (jobs.size() < batch) {
        break;
      }
    }
    return total;
  }
}
