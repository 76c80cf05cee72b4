package com.kompaas.webhooks.catalog.boundary;

import java.util.Map;

/**
 * What the catalogue needs to know of the webhooks that subscribe to its types. The subscription
 * component implements it: it depends on the catalogue, so the catalogue asks through this
 * interface rather than reading webhooks itself.
 */
public interface Subscribers {

  /** How many webhooks, across all accounts and not deleted, subscribe to each type's code. */
  Map<String, Long> countsByEventType();
}
