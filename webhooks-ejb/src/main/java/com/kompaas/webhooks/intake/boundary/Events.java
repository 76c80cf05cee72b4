package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.intake.entity.Event;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads stored events and dead letters, newest first. */
@Stateless
public class Events {

  @PersistenceContext EntityManager em;

  public List<Event> latest(int max) {
    return em.createNamedQuery(Event.LATEST, Event.class).setMaxResults(max).getResultList();
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
    return em.createNamedQuery(DeadLetter.LATEST, DeadLetter.class).setMaxResults(max).getResultList();
  }
}
