package com.kompaas.webhooks.delivery.boundary;

import com.kompaas.webhooks.delivery.control.DeliveryConfiguration;
import com.kompaas.webhooks.delivery.control.Job;
import com.kompaas.webhooks.delivery.control.NewDeliveries;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands deliveries to this instance's senders: a fixed pool of threads in memory, fed through a
 * bounded queue. Nothing here is durable, and nothing needs to be: a delivery is handed over only
 * after the database committed it under a lease (claimed at creation, or queued by the scheduler),
 * so a handover that is lost to a crash, a shutdown or a full queue only waits for the lease to
 * end, when the scheduler hands the delivery out again under a new token.
 *
 * <p>Two pools: one for deliveries just created, one for those the scheduler hands out (resends,
 * and leases that ran out), so that new events never queue behind a backlog of resends; the
 * scheduler claims no more than the resend queue has room for. A full queue of new deliveries makes
 * the caller wait (up to {@link #OFFER_WAIT_SECONDS} s): intake then slows to the senders' pace and
 * events wait in the broker, where they are durable, instead of piling up here. The senders run on
 * their own threads, more than one endpoint may hold ({@code max-in-flight-per-endpoint}), so a
 * hanging endpoint cannot stall the others.
 */
@ApplicationScoped
public class Dispatcher {

  /** How long a caller waits for room in a full queue before leaving the delivery to its lease. */
  static final long OFFER_WAIT_SECONDS = 10;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject Sender sender;

  @Inject DeliveryConfiguration configuration;

  @Inject Logger log;

  /** Deliveries just created: they never wait behind a backlog of resends. */
  private ThreadPoolExecutor fresh;

  /** Deliveries the scheduler handed out: resends, and leases that ran out. */
  private ThreadPoolExecutor resends;

  @PostConstruct
  void start() {
    fresh = pool(configuration.senders(), configuration.senderQueue());
    resends = pool(configuration.resendSenders(), configuration.senderQueue());
  }

  private ThreadPoolExecutor pool(int threads, int queue) {
    var pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            this.threads,
            waitForRoom());
    pool.allowCoreThreadTimeOut(true); // an idle instance holds no sender threads
    return pool;
  }

  @PreDestroy
  void stop() {
    // what is queued or in flight is leased in the database and handed out again after the lease
    fresh.shutdownNow();
    resends.shutdownNow();
  }

  /** Deliveries claimed at creation, after the transaction that created them has committed. */
  public void send(List<Job> jobs) {
    submit(fresh, jobs);
  }

  /**
   * The hand-over of new deliveries, in one place: after the commit of the transaction that created
   * them, on the committing thread, which waits only while the senders' queue is full (the
   * back-pressure above). A failure here leaves them to their lease.
   */
  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewDeliveries created) {
    try {
      send(created.jobs());
    } catch (RuntimeException e) {
      log.log(
          Level.WARNING,
          "Could not hand "
              + created.jobs().size()
              + " new deliveries to the senders at once; the scheduler hands them out when their lease ends",
          e);
    }
  }

  /** Deliveries the scheduler claimed, after its transaction has committed. */
  public void resend(List<Job> jobs) {
    submit(resends, jobs);
  }

  /**
   * How many more deliveries the resend queue takes now: the scheduler claims no more than that.
   */
  public int resendRoom() {
    return resends.getQueue().remainingCapacity();
  }

  private void submit(ThreadPoolExecutor pool, List<Job> jobs) {
    for (Job job : jobs) {
      submit(pool, job.deliveryId(), () -> sender.deliver(job));
    }
  }

  private interface Task {
    void run() throws InterruptedException;
  }

  private void submit(ThreadPoolExecutor pool, long deliveryId, Task task) {
    pool.execute(
        () -> {
          try {
            task.run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the lease brings the delivery back
          } catch (RuntimeException e) {
            log.log(
                Level.WARNING,
                "Delivery "
                    + deliveryId
                    + " failed in its sender; it is handed out again when its lease ends",
                e);
          }
        });
  }

  private RejectedExecutionHandler waitForRoom() {
    return (task, executor) -> {
      if (executor.isShutdown()) {
        return; // leased in the database: handed out again after a restart
      }
      try {
        if (!executor.getQueue().offer(task, OFFER_WAIT_SECONDS, TimeUnit.SECONDS)) {
          log.warning("The senders' queue stayed full; a delivery waits for its lease to end");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
