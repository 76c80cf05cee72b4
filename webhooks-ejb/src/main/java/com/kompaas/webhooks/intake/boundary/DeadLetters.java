package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The intake's dead-letter store for platform operators: read, redrive through {@link Intake},
 * discard. Dead letters belong to no account (their account may be what was wrong), so only
 * operators may touch them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // redrive commits, then publishes
public class DeadLetters {

  @PersistenceContext EntityManager em;

  @Inject CurrentAccount caller;

  @Inject Intake intake;

  public List<DeadLetter> list(int first, int max) {
    caller.requireOperator();
    return em.createNamedQuery(DeadLetter.LATEST, DeadLetter.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long count() {
    caller.requireOperator();
    return em.createNamedQuery(DeadLetter.COUNT, Long.class).getSingleResult();
  }

  /**
   * @return what became of it, empty if it was gone already
   */
  public Optional<Intake.Outcome> redrive(long id) {
    caller.requireOperator();
    Optional<Intake.Accepted> accepted = intake.redrive(id);
    return accepted.map(Intake.Accepted::outcome);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public boolean discard(long id) {
    caller.requireOperator();
    DeadLetter letter = em.find(DeadLetter.class, id);
    if (letter != null) {
      em.remove(letter);
    }
    return letter != null;
  }
}
