package com.kompaas.webhooks.it.delivery;

import com.kompaas.webhooks.delivery.control.AttemptRecorder;
import com.kompaas.webhooks.delivery.control.DeliveryStore;
import com.kompaas.webhooks.delivery.control.FinishedAttempt;
import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails the first shared attempt-writing transaction that holds an attempt for a chosen webhook,
 * after its rows reached the database and before the commit, as a deadlock or a lost connection
 * would; or lets it commit and then reports a failure, as a connection that dies while the commit's
 * answer is on its way would; or has MariaDB refuse, as too long for its column, every write that
 * holds a chosen webhook's attempt with its details. Everything else behaves as usual.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class FailingOnceAttemptRecorder extends AttemptRecorder {

  static final Set<Long> FAIL_ONCE_FOR_WEBHOOK = ConcurrentHashMap.newKeySet();

  /** Webhooks whose next shared write commits and is then reported as failed. */
  static final Set<Long> LOSE_COMMIT_ANSWER_FOR_WEBHOOK = ConcurrentHashMap.newKeySet();

  /**
   * Webhooks whose attempts the database refuses for a data reason (as "Data too long" did for
   * headers over 64 KB) for as long as they carry their details; a summary row goes through.
   */
  static final Set<Long> UNSTORABLE_FOR_WEBHOOK = ConcurrentHashMap.newKeySet();

  /** Attempts the failed transactions had written (flushed) before they were rolled back. */
  static final AtomicInteger ROLLED_BACK_ATTEMPTS = new AtomicInteger();

  @Inject Failing failing;

  @Override
  protected void write(List<FinishedAttempt> batch) {
    if (batch.stream()
        .anyMatch(
            f ->
                UNSTORABLE_FOR_WEBHOOK.contains(f.job().webhook().id())
                    && !f.attempt().getRequestHeaders().isEmpty())) {
      failing.refuse(batch.get(0).job().deliveryId());
    }
    boolean armed =
        batch.stream().anyMatch(f -> FAIL_ONCE_FOR_WEBHOOK.remove(f.job().webhook().id()));
    if (armed) {
      failing.recordThenFail(batch);
    }
    boolean answerLost =
        batch.stream().anyMatch(f -> LOSE_COMMIT_ANSWER_FOR_WEBHOOK.remove(f.job().webhook().id()));
    super.write(batch);
    if (answerLost) {
      throw new IllegalStateException(
          "test: the shared attempt transaction committed, but its answer was lost");
    }
  }

  /** The batch written in a transaction that then fails. */
  @Stateless
  public static class Failing {

    @Inject DeliveryStore store;

    @PersistenceContext EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordThenFail(List<FinishedAttempt> batch) {
      store.record(batch);
      em.flush();
      ROLLED_BACK_ATTEMPTS.addAndGet(batch.size());
      throw new IllegalStateException(
          "test: the shared attempt transaction fails before its commit");
    }

    /**
     * A statement MariaDB refuses as too long for its column: the error a real oversized row gets.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refuse(long deliveryId) {
      em.createNativeQuery("UPDATE delivery SET last_error = ?1 WHERE id = ?2")
          .setParameter(1, "x".repeat(10_000))
          .setParameter(2, deliveryId)
          .executeUpdate();
    }
  }
}
