package com.kompaas.webhooks.it;

/** Event messages as a producer publishes them, for the tests in and outside the container. */
public final class EventMessages {

  private EventMessages() {}

  /**
   * @param data the event's {@code data} object, as JSON
   */
  public static String event(String id, String account, String type, String data) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"accountId\":\""
        + account
        + "\",\"occurredAt\":\"2026-11-28T10:00:00Z\",\"data\":"
        + data
        + "}";
  }
}
