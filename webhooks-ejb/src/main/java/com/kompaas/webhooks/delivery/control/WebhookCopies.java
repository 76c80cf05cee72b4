package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhooks senders work with, read once per version. Loading a webhook with its four settings
 * lists takes five statements, for every delivery, although settings change rarely; every change
 * bumps the webhook's version (the system's bulk disable too), so a one-column read of the version
 * in the caller's transaction tells whether the copy held here is still the committed state. A
 * sender thus sees exactly what it would have loaded. Copies are detached and only read.
 */
@ApplicationScoped
public class WebhookCopies {

  static final int MAX_HELD = 10_000;

  @PersistenceContext EntityManager em;

  private final ConcurrentHashMap<Long, Webhook> copies = new ConcurrentHashMap<>();

  /** @return the webhook as committed now, or null if it is gone */
  public Webhook current(long webhookId) {
    List<Long> version =
        em.createNamedQuery(Webhook.VERSION_BY_ID, Long.class).setParameter("id", webhookId).getResultList();
    if (version.isEmpty()) {
      copies.remove(webhookId);
      return null;
    }
    return at(webhookId, version.get(0));
  }

  /**
   * @param version the version just read in the caller's transaction
   * @return the webhook as committed at that version, or null if it is gone
   */
  public Webhook at(long webhookId, long version) {
    Webhook held = copies.get(webhookId);
    if (held != null && held.getVersion() == version) {
      return held;
    }
    Webhook loaded = em.find(Webhook.class, webhookId);
    if (loaded != null) {
      if (copies.size() >= MAX_HELD) {
        copies.clear();
      }
      copies.put(webhookId, loaded); // detached when the caller's transaction ends
    }
    return loaded;
  }
}
