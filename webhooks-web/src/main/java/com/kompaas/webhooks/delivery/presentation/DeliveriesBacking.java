package com.kompaas.webhooks.delivery.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.delivery.boundary.Deliveries;
import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.platform.presentation.ConsoleText;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The delivery log, of one webhook ({@code ?webhook=}) or of the whole account: a lazy page over
 * {@link Deliveries}, its filters, resend, bulk resend, and the way back for a webhook the system
 * switched off. Times are entered and shown in UTC.
 */
@Named
@ViewScoped
public class DeliveriesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Deliveries deliveries;
  @Inject Webhooks webhooks;
  @Inject CurrentAccount caller;
  @Inject Clock clock;

  private Long webhookId;
  private Webhook webhook;
  private DeliveryStatus status;
  private String eventType;
  private LocalDateTime from;
  private LocalDateTime to;
  private String eventId;
  private final Map<Long, List<Attempt>> attempts = new HashMap<>();

  /** The webhooks of the page's deliveries, deleted ones too (their history is kept). */
  private final Map<Long, Webhooks.Name> names = new HashMap<>();

  private Webhooks.Name named;

  /**
   * More deliveries match than the log counts ({@link Deliveries#COUNT_LIMIT}): it pages through
   * the newest.
   */
  private boolean more;

  private final LazyDataModel<Delivery> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
          Deliveries.Count count = deliveries.count(caller.requireAccountId(), filter());
          more = count.more();
          return (int) count.value();
        }

        @Override
        public List<Delivery> load(
            int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
          attempts.clear();
          String account = caller.requireAccountId();
          List<Delivery> page = deliveries.list(account, filter(), first, size);
          names.clear();
          names.putAll(
              webhooks.names(
                  account, page.stream().map(Delivery::getWebhookId).distinct().toList()));
          return page;
        }

        @Override
        public String getRowKey(Delivery delivery) {
          return String.valueOf(delivery.getId());
        }
      };

  /** Whether more match than the log counts: the paginator then reads "1–25 of 10000+". */
  public boolean isMore() {
    return more;
  }

  public void load() {
    if (webhookId != null) {
      String account = caller.requireAccountId();
      webhook = webhooks.find(account, webhookId).orElse(null);
      named = webhooks.names(account, List.of(webhookId)).get(webhookId);
    }
    if (from == null && to == null) {
      from =
          LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(7)), ZoneOffset.UTC)
              .withSecond(0)
              .withNano(0);
    }
  }

  private Deliveries.Filter filter() {
    return new Deliveries.Filter(webhookId, status, eventType, instant(from), instant(to), eventId);
  }

  /** The delivery's webhook as the log names it: its title, marked when it was deleted. */
  public String webhookName(Delivery delivery) {
    return name(names.get(delivery.getWebhookId()), delivery.getWebhookId());
  }

  public boolean webhookDeleted(Delivery delivery) {
    Webhooks.Name name = names.get(delivery.getWebhookId());
    return name != null && name.deleted();
  }

  /** The heading's name of the webhook whose log this is; null for the whole account's log. */
  public String getWebhookTitle() {
    return named == null ? null : name(named, named.id());
  }

  private static String name(Webhooks.Name name, long id) {
    if (name == null) {
      return "#" + id;
    }
    return name.deleted()
        ? ConsoleText.get("deliveries.webhookDeleted", name.title())
        : name.title();
  }

  public List<Attempt> attemptsOf(Delivery delivery) {
    return attempts.computeIfAbsent(
        delivery.getId(), id -> deliveries.attempts(caller.requireAccountId(), id));
  }

  public void resend(Delivery delivery) {
    if (deliveries.resend(caller.requireManagedAccountId(), delivery.getId())) {
      ConsoleText.info("deliveries.resent", delivery.getExternalEventId());
    } else {
      ConsoleText.warn("deliveries.busy");
    }
  }

  /** The failed deliveries of this webhook in the filter's time range. */
  public void resendFailed() {
    Instant start = from == null ? Instant.EPOCH : instant(from);
    Instant end = to == null ? clock.instant().plusSeconds(1) : instant(to);
    int n = deliveries.resendFailed(caller.requireManagedAccountId(), webhookId, start, end);
    ConsoleText.info("deliveries.resentFailed", n);
  }

  /** Re-enable a webhook the system switched off, resend what failed, and replay what it missed. */
  public String recover(boolean replay) {
    String account = caller.requireManagedAccountId();
    Instant offSince =
        webhook.getDisabledAt() == null
            ? clock.instant().minus(Duration.ofDays(7))
            : webhook.getDisabledAt();
    Instant now = clock.instant();
    webhooks.enable(account, webhookId, true);
    int resent =
        deliveries.resendFailed(account, webhookId, offSince.minus(Duration.ofDays(7)), now);
    int replayed = replay ? deliveries.replay(account, webhookId, offSince, now) : 0;
    ConsoleText.flashInfo("deliveries.recovered", resent, replayed);
    return "/deliveries?faces-redirect=true&webhook=" + webhookId;
  }

  private static Instant instant(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  public DeliveryStatus[] getStatuses() {
    return DeliveryStatus.values();
  }

  public LazyDataModel<Delivery> getModel() {
    return model;
  }

  public Long getWebhookId() {
    return webhookId;
  }

  public void setWebhookId(Long webhookId) {
    this.webhookId = webhookId;
  }

  public Webhook getWebhook() {
    return webhook;
  }

  public DeliveryStatus getStatus() {
    return status;
  }

  public void setStatus(DeliveryStatus status) {
    this.status = status;
  }

  public String getEventType() {
    return eventType;
  }

  public void setEventType(String eventType) {
    this.eventType = eventType == null || eventType.isBlank() ? null : eventType.strip();
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }
}
