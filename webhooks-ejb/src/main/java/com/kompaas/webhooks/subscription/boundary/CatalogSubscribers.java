package com.kompaas.webhooks.subscription.boundary;

import com.kompaas.webhooks.catalog.boundary.Subscribers;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;

/** The webhooks' side of {@link Subscribers}: counts by event type, for the catalogue. */
@Stateless
public class CatalogSubscribers implements Subscribers {

  @PersistenceContext EntityManager em;

  @Override
  public Map<String, Long> countsByEventType() {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(Webhook.COUNT_BY_EVENT_TYPE, Object[].class).getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }
}
