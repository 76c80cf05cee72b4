package com.kompaas.webhooks.account.boundary;

import com.kompaas.webhooks.account.entity.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Who changed which webhook and when. Written in the transaction of the change itself, so a change
 * without its entry (or the reverse) cannot be committed.
 */
@Stateless
public class AuditLog {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject CurrentAccount caller;

  /**
   * @param before the webhook's masked settings before the change (the subscription component's
   *     snapshot), {@code null} for a creation
   * @param after its settings after it, {@code null} for a deletion
   */
  public void record(
      AuditEntry.Action action, String accountId, long webhookId, String before, String after) {
    em.persist(
        new AuditEntry(accountId, actor(), action, webhookId, clock.instant(), before, after));
  }

  /** The account's entries, newest first. */
  public List<AuditEntry> forAccount(String accountId, int max) {
    return em.createNamedQuery(AuditEntry.BY_ACCOUNT, AuditEntry.class)
        .setParameter("accountId", accountId)
        .setMaxResults(max)
        .getResultList();
  }

  /** One webhook's entries in its account, newest first; empty for another account's webhook. */
  public List<AuditEntry> forWebhook(String accountId, long webhookId, int max) {
    return em.createNamedQuery(AuditEntry.BY_ACCOUNT_AND_WEBHOOK, AuditEntry.class)
        .setParameter("accountId", accountId)
        .setParameter("webhookId", webhookId)
        .setMaxResults(max)
        .getResultList();
  }

  private String actor() {
    try {
      return caller.actor();
    } catch (jakarta.enterprise.context.ContextNotActiveException e) {
      return "system"; // a timer or a consumer, with no request behind it
    }
  }
}
