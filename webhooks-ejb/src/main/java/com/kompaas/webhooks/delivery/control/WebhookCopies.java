package com.kompaas.webhooks.delivery.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The webhooks senders work with, read once per version. Loading a webhook with its four settings
 * lists takes five statements, for every delivery, although settings change rarely; every change
 * bumps the webhook's version (the system's bulk disable too), so a one-column read of the version
 * in the caller's transaction tells whether the copy held here is still the committed state. A
 * sender thus sees exactly what it would have loaded. The copies are immutable records ({@link
 * WebhookCopy}), held in a bounded Caffeine cache that forgets the least used first.
 */
@ApplicationScoped
public class WebhookCopies {

  static final int MAX_HELD = 10_000;

  @PersistenceContext EntityManager em;

  private final Cache<Long, WebhookCopy> copies =
      Caffeine.newBuilder().maximumSize(MAX_HELD).build();

  /**
   * @return the webhook as committed now, or null if it is gone
   */
  public WebhookCopy current(long webhookId) {
    List<Long> version =
        em.createNamedQuery(Webhook.VERSION_BY_ID, Long.class)
            .setParameter("id", webhookId)
            .getResultList();
    if (version.isEmpty()) {
      copies.invalidate(webhookId);
      return null;
    }
    return at(webhookId, version.get(0));
  }

  /**
   * @param version the version just read in the caller's transaction
   * @return the webhook as committed at that version, or null if it is gone
   */
  public WebhookCopy at(long webhookId, long version) {
    WebhookCopy held = copies.getIfPresent(webhookId);
    if (held != null && held.version() == version) {
      return held;
    }
    Webhook loaded = em.find(Webhook.class, webhookId);
    if (loaded == null) {
      copies.invalidate(webhookId);
      return null;
    }
    WebhookCopy copy = WebhookCopy.of(loaded);
    copies.put(webhookId, copy);
    return copy;
  }
}
