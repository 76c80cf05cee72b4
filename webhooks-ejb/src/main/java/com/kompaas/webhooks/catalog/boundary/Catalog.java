package com.kompaas.webhooks.catalog.boundary;

import com.kompaas.webhooks.catalog.entity.EventGroup;
import com.kompaas.webhooks.catalog.entity.EventType;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event types a webhook can subscribe to, grouped as the "New Web hook" window shows them. */
@Stateless
public class Catalog {

  @PersistenceContext EntityManager em;

  /** Every group in order, each with its types in order and their parameters loaded. */
  public List<CatalogGroup> groups() {
    Map<EventGroup, List<EventType>> byGroup = new LinkedHashMap<>();
    for (EventGroup group : em.createNamedQuery(EventGroup.ALL, EventGroup.class).getResultList()) {
      byGroup.put(group, new ArrayList<>());
    }
    for (EventType type : types()) {
      byGroup.computeIfAbsent(type.getGroup(), g -> new ArrayList<>()).add(type);
    }
    List<CatalogGroup> groups = new ArrayList<>();
    byGroup.forEach((group, types) -> groups.add(new CatalogGroup(group, types)));
    return groups;
  }

  /** All types in display order, with their parameters loaded. */
  public List<EventType> types() {
    return em.createNamedQuery(EventType.ALL, EventType.class).getResultList();
  }

  public Optional<EventType> type(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return em.createNamedQuery(EventType.BY_CODE, EventType.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }
}
