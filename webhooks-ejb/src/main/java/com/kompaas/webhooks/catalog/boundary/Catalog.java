package com.kompaas.webhooks.catalog.boundary;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.catalog.control.CatalogEntryRules;
import com.kompaas.webhooks.catalog.control.EventTypeDraft;
import com.kompaas.webhooks.catalog.control.InvalidCatalogEntryException;
import com.kompaas.webhooks.catalog.entity.EventGroup;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.platform.control.FieldError;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The event types a webhook can subscribe to, grouped as the "New Web hook" window shows them. */
@Stateless
public class Catalog {

  /** Implemented by the subscription component, which sits above the catalogue. */
  @Inject Subscribers subscribers;

  @PersistenceContext EntityManager em;

  @Inject CurrentAccount caller;

  @Inject Clock clock;

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

  /** Every type's code: what the intake accepts. */
  public Set<String> codes() {
    return Set.copyOf(em.createNamedQuery(EventType.CODES, String.class).getResultList());
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

  public List<EventGroup> allGroups() {
    return em.createNamedQuery(EventGroup.ALL, EventGroup.class).getResultList();
  }

  /** How many webhooks, across all accounts, subscribe to each type. Operators only. */
  public Map<String, Long> subscriptionCounts() {
    caller.requireOperator();
    return subscribers.countsByEventType();
  }

  /**
   * Adds a type, or changes one (all but its code). Operators only. Webhooks and stored events keep
   * referring to the code; a removed or renamed parameter leaves the placeholders that named it
   * empty in what is sent, which the page warns about.
   *
   * @param creating whether the code must be new; otherwise it must exist
   * @throws InvalidCatalogEntryException with one message per offending field
   */
  public EventType save(EventTypeDraft draft, boolean creating) {
    caller.requireOperator();
    List<FieldError> errors = new ArrayList<>(CatalogEntryRules.check(draft, creating));
    EventGroup group =
        draft.groupCode() == null ? null : em.find(EventGroup.class, draft.groupCode());
    if (group == null && errors.stream().noneMatch(e -> e.field().equals("group"))) {
      errors.add(CatalogEntryRules.unknownGroup());
    }
    String code = draft.code() == null ? "" : draft.code().strip();
    EventType existing =
        code.isEmpty() ? null : em.find(EventType.class, code, LockModeType.PESSIMISTIC_WRITE);
    if (creating && existing != null) {
      errors.add(
          FieldError.of(
              "code",
              "catalog.code.exists",
              "A type with this code exists already; edit it instead."));
    }
    if (!creating && existing == null) {
      errors.add(FieldError.of("code", "catalog.code.gone", "This type no longer exists."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidCatalogEntryException(errors);
    }
    String operator = caller.actor();
    if (creating) {
      EventType created =
          new EventType(
              code,
              group,
              draft.label().strip(),
              draft.description().strip(),
              draft.position(),
              CatalogEntryRules.parameters(draft));
      created.stamp(operator, clock.instant());
      em.persist(created);
      return created;
    }
    existing.update(
        group,
        draft.label().strip(),
        draft.description().strip(),
        draft.position(),
        CatalogEntryRules.parameters(draft),
        operator,
        clock.instant());
    return existing;
  }
}
