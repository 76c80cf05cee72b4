package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.event.entity.Event;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads stored events and dead letters, newest first. */
@Stateless
public class Events {

  // here rather than as @NamedQuery on Event, whose file belongs to the intake's owner; move them
  // there
  @PersistenceContext EntityManager em;

  @Inject CurrentAccount caller;

  /**
   * The newest events of every account: for operators and the platform itself, never for pages of
   * an account.
   */
  public List<Event> latest(int max) {
    return em.createNamedQuery(Event.LATEST, Event.class).setMaxResults(max).getResultList();
  }

  /**
   * The newest events the caller may see: an operator all, an account user its account's, anyone
   * else none.
   */
  public List<Event> visible(int max) {
    if (caller.isOperator()) {
      return latest(max);
    }
    Optional<String> account = caller.accountId();
    if (account.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Event.LATEST_OF_ACCOUNT, Event.class)
        .setParameter("accountId", account.get())
        .setMaxResults(max)
        .getResultList();
  }

  /** How many events {@link #visible(int)} chooses from. */
  public long visibleCount() {
    if (caller.isOperator()) {
      return count();
    }
    Optional<String> account = caller.accountId();
    if (account.isEmpty()) {
      return 0;
    }
    return em.createNamedQuery(Event.COUNT_OF_ACCOUNT, Long.class)
        .setParameter("accountId", account.get())
        .getSingleResult();
  }

  public Optional<Event> find(String accountId, String externalId) {
    return em.createNamedQuery(Event.BY_ACCOUNT_AND_EXTERNAL_ID, Event.class)
        .setParameter("accountId", accountId)
        .setParameter("externalId", externalId)
        .getResultStream()
        .findFirst();
  }

  public long count() {
    return em.createNamedQuery(Event.COUNT, Long.class).getSingleResult();
  }

  public List<DeadLetter> latestDeadLetters(int max) {
    return em.createNamedQuery(DeadLetter.LATEST, DeadLetter.class)
        .setMaxResults(max)
        .getResultList();
  }
}
