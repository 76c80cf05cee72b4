package com.kompaas.webhooks.subscription.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.catalog.boundary.Catalog;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.platform.presentation.ConsoleText;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.control.InvalidWebhookException;
import com.kompaas.webhooks.subscription.control.RenderedRequest;
import com.kompaas.webhooks.subscription.control.SettingsForViewer;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** The settings window of one webhook, new ({@code ?type=}) or saved ({@code ?id=}). */
@Named
@ViewScoped
public class WebhookBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Webhooks webhooks;
  @Inject Catalog catalog;
  @Inject CurrentAccount caller;

  private Long id;
  private String type;
  private EventType eventType;
  private Webhook webhook;
  private WebhookForm form;
  private String previewText;
  private List<FieldError> previewErrors = List.of();
  private boolean revealed;

  public void load() {
    String account = caller.requireAccountId();
    if (id != null) {
      webhook = webhooks.find(account, id).orElse(null);
      eventType = webhook == null ? null : catalog.type(webhook.getEventType()).orElse(null);
      // a viewer's form has no stored credential in it (and a viewer cannot save it)
      form =
          eventType == null
              ? null
              : WebhookForm.of(
                  eventType,
                  caller.canManage()
                      ? webhook.settings()
                      : SettingsForViewer.of(webhook.settings()));
    } else {
      eventType = catalog.type(type).orElse(null);
      form = eventType == null ? null : WebhookForm.of(eventType, null);
    }
    if (form != null) {
      preview();
    }
  }

  /** Re-renders the request preview from what is in the form now. */
  public void preview() {
    if (webhook != null && !caller.canManage()) {
      previewText =
          webhooks
              .preview(caller.requireAccountId(), id, true)
              .map(RenderedRequest::asText)
              .orElse("");
      return;
    }
    try {
      previewText = webhooks.preview(caller.requireAccountId(), form.settings()).asText();
      previewErrors = List.of();
    } catch (InvalidWebhookException e) {
      previewErrors = e.errors();
    } catch (IllegalArgumentException e) {
      previewErrors = List.of(new FieldError("form", e.getMessage()));
    }
  }

  public String save() {
    String account = caller.requireManagedAccountId();
    try {
      Webhook saved =
          webhook == null
              ? webhooks.create(account, form.settings())
              : webhooks.update(account, id, webhook.getVersion(), form.settings()).orElseThrow();
      ConsoleText.flashInfo("webhook.saved", saved.getTitle());
      return "/webhook?faces-redirect=true&id=" + saved.getId();
    } catch (InvalidWebhookException e) {
      e.errors().forEach(WebhookBacking::show);
      ConsoleText.error("webhook.notSaved");
    } catch (IllegalArgumentException e) {
      ConsoleText.add(null, FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (OptimisticLockException | EJBException e) {
      if (!(e instanceof OptimisticLockException
          || e.getCause() instanceof OptimisticLockException)) {
        throw e;
      }
      ConsoleText.error("webhook.savedMeanwhile");
    }
    return null;
  }

  /** A message beside the field: {@code headers[2].name} goes to the headers table, as "Row 3". */
  /** Shows a field's problem beside its field (or in the growl when it has none). */
  public static void show(FieldError error) {
    String field = error.field();
    int bracket = field.indexOf('[');
    String base = bracket < 0 ? field : field.substring(0, bracket);
    String text =
        bracket < 0
            ? ConsoleText.of(error)
            : ConsoleText.get(
                "webhook.row",
                Integer.parseInt(field.substring(bracket + 1, field.indexOf(']'))) + 1,
                ConsoleText.of(error));
    String target =
        switch (base) {
          case "title",
              "url",
              "bodyTemplate",
              "parameters",
              "userParameters",
              "queryParameters",
              "headers" ->
              base;
          default -> null;
        };
    ConsoleText.add(target == null ? null : "form:" + target, FacesMessage.SEVERITY_ERROR, text);
  }

  /** A problem of the preview's list, in the page's language. */
  public String describe(FieldError error) {
    return ConsoleText.of(error);
  }

  public String toggleEnabled() {
    webhooks.enable(caller.requireManagedAccountId(), id, !webhook.isEnabled());
    return "/webhook?faces-redirect=true&id=" + id;
  }

  public String delete() {
    webhooks.delete(caller.requireManagedAccountId(), id);
    ConsoleText.flashInfo("webhook.deleted", webhook.getTitle());
    return "/webhooks?faces-redirect=true";
  }

  public void rotateSecret() {
    Optional<Webhook> rotated = webhooks.rotateSecret(caller.requireManagedAccountId(), id);
    rotated.ifPresent(w -> webhook = w);
    revealed = true;
    ConsoleText.info("webhook.secret.rotated");
  }

  public void reveal() {
    revealed = !revealed;
  }

  public void add(List<WebhookForm.Pair> rows) {
    rows.add(new WebhookForm.Pair());
  }

  public void remove(List<WebhookForm.Pair> rows, WebhookForm.Pair row) {
    rows.remove(row);
    preview();
  }

  public String getSecretShown() {
    String secret = webhook == null ? null : webhook.getSecret();
    if (secret == null) {
      return "";
    }
    return revealed && caller.canManage() ? secret : "whsec_" + "•".repeat(24);
  }

  public boolean isNotFound() {
    return form == null;
  }

  public boolean isNew() {
    return webhook == null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public EventType getEventType() {
    return eventType;
  }

  public Webhook getWebhook() {
    return webhook;
  }

  public WebhookForm getForm() {
    return form;
  }

  public String getPreviewText() {
    return previewText;
  }

  public List<FieldError> getPreviewErrors() {
    return previewErrors;
  }

  public boolean isRevealed() {
    return revealed;
  }
}
