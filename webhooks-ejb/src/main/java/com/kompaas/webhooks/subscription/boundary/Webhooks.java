package com.kompaas.webhooks.subscription.boundary;

import com.kompaas.webhooks.account.boundary.AuditLog;
import com.kompaas.webhooks.account.entity.AuditEntry;
import com.kompaas.webhooks.catalog.boundary.Catalog;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.outbound.control.AddressGuard;
import com.kompaas.webhooks.outbound.control.HostResolver;
import com.kompaas.webhooks.outbound.control.SecretRing;
import com.kompaas.webhooks.outbound.control.SigningSecret;
import com.kompaas.webhooks.outbound.control.UnsafeAddressException;
import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.subscription.control.InvalidWebhookException;
import com.kompaas.webhooks.subscription.control.Preview;
import com.kompaas.webhooks.subscription.control.RenderedRequest;
import com.kompaas.webhooks.subscription.control.SettingsForViewer;
import com.kompaas.webhooks.subscription.control.WebhookSecrets;
import com.kompaas.webhooks.subscription.control.WebhookSnapshot;
import com.kompaas.webhooks.subscription.control.WebhookValidator;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An account's webhooks: create, change, read, delete and preview. Every change is written to the
 * {@link AuditLog} in the same transaction; URLs that reach internal addresses are refused at save
 * time (the sender checks again at connect time).
 */
@Stateless
public class Webhooks {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookValidator validator = new WebhookValidator();
  private final Preview preview = new Preview();

  /** Observed in this transaction by the delivery component, which ends the waiting deliveries. */
  @Inject jakarta.enterprise.event.Event<WebhookDeleted> deleted;

  @PersistenceContext EntityManager em;

  @Inject Catalog catalog;

  @Inject Clock clock;

  @Inject AuditLog audit;

  /** Comma-separated addresses, CIDR ranges and host names webhooks may reach although internal. */
  @Inject
  @ConfigProperty(name = "webhooks.outbound.allow")
  Optional<String> outboundAllow;

  private AddressGuard guard;

  @PostConstruct
  void createGuard() {
    guard = AddressGuard.parse(outboundAllow.orElse(""), HostResolver.system());
  }

  /** What would be wrong with these settings, without saving anything; empty when they are fine. */
  public List<FieldError> check(String accountId, WebhookSettings settings) {
    requireAccount(accountId);
    return errors(settings, catalog.type(settings.eventType()).orElse(null));
  }

  public Webhook create(String accountId, WebhookSettings settings) {
    requireAccount(accountId);
    validated(settings);
    Instant now = clock.instant();
    Webhook webhook = new Webhook(accountId, settings, now);
    // every webhook signs from its first delivery on (Standard Webhooks)
    webhook.changeSecret(SigningSecret.generate(RANDOM).value(), now);
    em.persist(webhook);
    audit.record(
        AuditEntry.Action.CREATE,
        webhook.getAccountId(),
        webhook.getId(),
        null,
        WebhookSnapshot.of(webhook));
    return webhook;
  }

  /**
   * A new signing secret; each replaced one keeps signing beside it for {@link
   * SecretRing#ROTATION_OVERLAP} from its own rotation (at most {@link SecretRing#MAX_PREVIOUS} of
   * them), so receivers can switch without dropping requests.
   */
  public Optional<Webhook> rotateSecret(String accountId, long id) {
    Optional<Webhook> found = find(accountId, id);
    Instant now = clock.instant();
    found.ifPresent(
        webhook -> {
          String before = WebhookSnapshot.of(webhook);
          WebhookSecrets.rotate(webhook, SigningSecret.generate(RANDOM), now);
          audit.record(
              AuditEntry.Action.ROTATE_SECRET,
              webhook.getAccountId(),
              webhook.getId(),
              before,
              WebhookSnapshot.of(webhook));
        });
    return found;
  }

  /**
   * @param version the version the user loaded; if someone saved in between, this save fails with
   *     an {@link OptimisticLockException} instead of undoing their change
   * @return the changed webhook, or empty if the account has no webhook with this id
   */
  public Optional<Webhook> update(
      String accountId, long id, long version, WebhookSettings settings) {
    validated(settings);
    Optional<Webhook> found = find(accountId, id);
    found.ifPresent(
        webhook -> {
          if (webhook.getVersion() != version) {
            throw new OptimisticLockException(
                "webhook " + id + " was changed by someone else; reload it", null, webhook);
          }
          String before = WebhookSnapshot.of(webhook);
          webhook.change(settings, clock.instant());
          audit.record(
              AuditEntry.Action.UPDATE,
              webhook.getAccountId(),
              webhook.getId(),
              before,
              WebhookSnapshot.of(webhook));
        });
    return found;
  }

  /** Switches delivery on or off without touching the other settings. */
  public Optional<Webhook> enable(String accountId, long id, boolean enabled) {
    Optional<Webhook> found = find(accountId, id);
    found.ifPresent(
        w -> {
          String before = WebhookSnapshot.of(w);
          if (enabled) {
            w.enable(clock.instant());
          } else {
            w.disable(clock.instant());
          }
          audit.record(
              enabled ? AuditEntry.Action.ENABLE : AuditEntry.Action.DISABLE,
              w.getAccountId(),
              w.getId(),
              before,
              WebhookSnapshot.of(w));
        });
    return found;
  }

  public Optional<Webhook> find(String accountId, long id) {
    requireAccount(accountId);
    return em.createNamedQuery(Webhook.BY_ACCOUNT_AND_ID, Webhook.class)
        .setParameter("accountId", accountId)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /** The account's webhooks by title. */
  public List<Webhook> list(String accountId) {
    requireAccount(accountId);
    return em.createNamedQuery(Webhook.BY_ACCOUNT, Webhook.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }

  /** The enabled webhooks an event of this type goes to. */
  public List<Webhook> enabledFor(String accountId, String eventType) {
    requireAccount(accountId);
    return em.createNamedQuery(Webhook.ENABLED_BY_ACCOUNT_AND_EVENT_TYPE, Webhook.class)
        .setParameter("accountId", accountId)
        .setParameter("eventType", eventType)
        .getResultList();
  }

  /**
   * Deletes a webhook but keeps its delivery log: the row stays, marked deleted, and is gone from
   * lists, REST and fan-out; its deliveries and attempts are kept (until retention removes them)
   * and listed under its title. Deliveries still waiting to be sent or resent are ended now; one
   * being sent at this moment finishes its attempt, which is recorded.
   *
   * @return whether there was such a webhook in the account
   */
  public boolean delete(String accountId, long id) {
    Optional<Webhook> found = find(accountId, id);
    found.ifPresent(
        w -> {
          audit.record(
              AuditEntry.Action.DELETE, w.getAccountId(), w.getId(), WebhookSnapshot.of(w), null);
          Instant now = clock.instant();
          w.delete(now);
          deleted.fire(new WebhookDeleted(accountId, id, now));
        });
    return found.isPresent();
  }

  /** How the delivery log names a webhook: its title, and whether it was deleted. */
  public record Name(long id, String title, boolean deleted) implements java.io.Serializable {}

  /** The names of some of the account's webhooks, deleted ones included; other ids are absent. */
  public Map<Long, Name> names(String accountId, Collection<Long> ids) {
    requireAccount(accountId);
    Map<Long, Name> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    for (Object[] row :
        em.createNamedQuery(Webhook.NAMES_BY_ACCOUNT_AND_IDS, Object[].class)
            .setParameter("accountId", accountId)
            .setParameter("ids", ids)
            .getResultList()) {
      long id = ((Number) row[0]).longValue();
      names.put(id, new Name(id, (String) row[1], row[2] != null));
    }
    return names;
  }

  /** The request these (unsaved) settings would send for the event type's example event. */
  public RenderedRequest preview(String accountId, WebhookSettings settings) {
    requireAccount(accountId);
    return preview.render(settings, validated(settings), accountId);
  }

  /** The request a saved webhook would send for its event type's example event. */
  public Optional<RenderedRequest> preview(String accountId, long id) {
    return preview(accountId, id, false);
  }

  /**
   * @param forViewer render with every header, query and user parameter value masked ({@link
   *     SettingsForViewer#of}), for a caller who may read the webhook but not its credentials
   */
  public Optional<RenderedRequest> preview(String accountId, long id, boolean forViewer) {
    return find(accountId, id)
        .map(
            w ->
                preview.render(
                    forViewer ? SettingsForViewer.of(w.settings()) : w.settings(),
                    catalog
                        .type(w.getEventType())
                        .orElseThrow(
                            () -> new IllegalStateException("no event type " + w.getEventType())),
                    accountId));
  }

  private EventType validated(WebhookSettings settings) {
    EventType type = catalog.type(settings.eventType()).orElse(null);
    List<FieldError> errors = errors(settings, type);
    if (!errors.isEmpty()) {
      throw new InvalidWebhookException(errors);
    }
    return type;
  }

  /** The validator's errors, plus an SSRF refusal of a URL that is otherwise well-formed. */
  private List<FieldError> errors(WebhookSettings settings, EventType type) {
    List<FieldError> errors = new ArrayList<>(validator.validate(settings, type));
    if (errors.stream().noneMatch(e -> e.field().equals("url"))) {
      try {
        // placeholders may sit in the path and query only, so the host checked is the real one
        guard.checkAtSave(new URI(PLACEHOLDER.matcher(settings.url()).replaceAll("x")));
      } catch (UnsafeAddressException e) {
        errors.add(new FieldError("url", e.getMessage(), e.code(), e.args()));
      } catch (URISyntaxException e) {
        errors.add(
            FieldError.of(
                "url", "url.invalid", "This is not a valid URL: " + e.getReason(), e.getReason()));
      }
    }
    return errors;
  }

  private static void requireAccount(String accountId) {
    if (accountId == null || accountId.isBlank()) {
      throw new IllegalArgumentException("an account is required");
    }
  }
}
