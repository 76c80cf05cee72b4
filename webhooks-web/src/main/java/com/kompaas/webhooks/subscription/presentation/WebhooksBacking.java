package com.kompaas.webhooks.subscription.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.catalog.boundary.Catalog;
import com.kompaas.webhooks.catalog.boundary.CatalogGroup;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.platform.presentation.ConsoleText;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;

/**
 * Integrations → WebHooks: the account's webhooks, search, group filter, on/off, "New Web hook".
 */
@Named
@ViewScoped
public class WebhooksBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * One line of the list; a class, not a record, because the switch binds to {@link #isEnabled()}.
   */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Webhook webhook;
    private final EventType type;

    Row(Webhook webhook, EventType type) {
      this.webhook = webhook;
      this.type = type;
    }

    public Webhook getWebhook() {
      return webhook;
    }

    public EventType getType() {
      return type;
    }

    public boolean isEnabled() {
      return webhook.isEnabled();
    }

    public void setEnabled(boolean ignored) {
      // the switch's Ajax listener calls toggle(row), which asks the facade
    }
  }

  @Inject Webhooks webhooks;
  @Inject Catalog catalog;
  @Inject CurrentAccount caller;

  private List<CatalogGroup> groups;
  private List<Row> rows;
  private String search;
  private String group;
  private String newType;

  public void load() throws IOException {
    if (caller.isOperator()) {
      Faces.redirect("operator/catalog.xhtml"); // operators have no account of their own
      return;
    }
    groups = catalog.groups();
    refresh();
  }

  private void refresh() {
    String account = caller.requireAccountId();
    Map<String, EventType> types =
        catalog.types().stream().collect(Collectors.toMap(EventType::getCode, Function.identity()));
    rows =
        webhooks.list(account).stream().map(w -> new Row(w, types.get(w.getEventType()))).toList();
  }

  public List<Row> getFiltered() {
    String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    return rows.stream()
        .filter(
            r ->
                group == null
                    || group.isEmpty()
                    || (r.getType() != null && r.getType().getGroup().getCode().equals(group)))
        .filter(
            r ->
                needle.isEmpty()
                    || (r.getWebhook().getTitle()
                            + " "
                            + r.getWebhook().getUrl()
                            + " "
                            + r.getWebhook().getEventType())
                        .toLowerCase(Locale.ROOT)
                        .contains(needle))
        .toList();
  }

  public void toggle(Row row) {
    boolean on = !row.getWebhook().isEnabled();
    Optional<Webhook> changed =
        webhooks.enable(caller.requireManagedAccountId(), row.getWebhook().getId(), on);
    refresh();
    changed.ifPresent(
        w -> ConsoleText.info(on ? "webhooks.switchedOn" : "webhooks.switchedOff", w.getTitle()));
  }

  /** "Create" in the "New Web hook" window: the settings form for the chosen type. */
  public String create() {
    if (newType == null || catalog.type(newType).isEmpty()) {
      ConsoleText.add(
          "newWebhook:type", FacesMessage.SEVERITY_ERROR, ConsoleText.get("webhooks.chooseType"));
      return null;
    }
    return "/webhook?faces-redirect=true&type=" + newType;
  }

  public List<CatalogGroup> getGroups() {
    return groups;
  }

  public int getCount() {
    return rows.size();
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getNewType() {
    return newType;
  }

  public void setNewType(String newType) {
    this.newType = newType;
  }
}
