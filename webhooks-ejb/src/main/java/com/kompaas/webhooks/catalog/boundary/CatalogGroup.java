package com.kompaas.webhooks.catalog.boundary;

import com.kompaas.webhooks.catalog.entity.EventGroup;
import com.kompaas.webhooks.catalog.entity.EventType;
import java.util.List;

/** One heading of the catalogue with its event types, in display order. */
public record CatalogGroup(EventGroup group, List<EventType> types) {

  public CatalogGroup {
    types = List.copyOf(types);
  }
}
