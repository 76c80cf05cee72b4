package com.kompaas.webhooks.intake.control;

import com.kompaas.webhooks.account.entity.Account;
import com.kompaas.webhooks.catalog.entity.EventType;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/**
 * The reads behind the intake's cached checks ({@link KnownEventTypes}, {@link KnownAccounts}), each
 * in a transaction of its own. The checks run on the intake's long-lived consumer threads before
 * the batch's transaction opens; the container's entity manager used there outside a transaction
 * was found closed after a quiet spell ({@code IllegalStateException: Session/EntityManager is
 * closed} on every consumer at the first event after it), and storing failed until the consumers
 * had handed over to new threads (docs/benchmarks.md). Inside a transaction the entity manager is
 * opened and closed with it.
 */
@Stateless
public class IntakeLookups {

  @PersistenceContext EntityManager em;

  public Set<String> eventTypeCodes() {
    return Set.copyOf(em.createNamedQuery(EventType.CODES, String.class).getResultList());
  }

  public boolean accountExists(String accountId) {
    return em.find(Account.class, accountId) != null;
  }
}
