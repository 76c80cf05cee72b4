package com.kompaas.webhooks.catalog.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The operator's view of the event catalogue: groups, types, parameters with their examples. */
@Named
@RequestScoped
public class CatalogBacking {

  @Inject Catalog catalog;

  private List<CatalogGroup> groups;

  public List<CatalogGroup> getGroups() {
    if (groups == null) {
      groups = catalog.groups();
    }
    return groups;
  }
}
