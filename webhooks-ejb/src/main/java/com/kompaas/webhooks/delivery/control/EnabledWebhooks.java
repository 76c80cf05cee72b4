package com.kompaas.webhooks.delivery.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The enabled webhooks of (account, event type) pairs, as read in the intake's transaction. Rows of
 * several pairs may be read at once (a query for several accounts and types may return pairs no
 * event has); each event takes only its own.
 */
public final class EnabledWebhooks {

  /** A webhook's id and the version it had when read. */
  public record Version(long webhookId, long version) {}

  private static final Comparator<Version> BY_ID = Comparator.comparingLong(Version::webhookId);

  private final Map<String, List<Version>> byPair;

  private EnabledWebhooks(Map<String, List<Version>> byPair) {
    this.byPair = byPair;
  }

  /**
   * @param rows id, version, account id, event type
   */
  public static EnabledWebhooks of(List<Object[]> rows) {
    Map<String, List<Version>> byPair = new HashMap<>();
    for (Object[] row : rows) {
      byPair
          .computeIfAbsent(key((String) row[2], (String) row[3]), k -> new ArrayList<>(2))
          .add(new Version(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }
    byPair.values().forEach(list -> list.sort(BY_ID)); // deliveries are created in webhook id order
    return new EnabledWebhooks(byPair);
  }

  /**
   * @return the webhooks an event of this account and type goes to, in id order
   */
  public List<Version> of(String accountId, String eventType) {
    return byPair.getOrDefault(key(accountId, eventType), List.of());
  }

  private static String key(String accountId, String eventType) {
    return accountId + '\u0000' + eventType;
  }
}
