package com.kompaas.webhooks.delivery.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.delivery.boundary.DeliveryStatistics;
import com.kompaas.webhooks.delivery.boundary.DeliveryStatistics.Series;
import com.kompaas.webhooks.delivery.boundary.DeliveryStatistics.WebhookStats;
import com.kompaas.webhooks.platform.presentation.ConsoleText;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: request rate, success rate and latency percentiles over 24 hours or 7 days, as
 * Chart.js configurations for {@code p:chart}, and the webhooks that are failing.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int BUCKETS = 48;

  @Inject DeliveryStatistics statistics;
  @Inject Webhooks webhooks;
  @Inject CurrentAccount caller;

  private String range = "24h";
  private Series series;
  private List<Failing> failing;

  /** A webhook with failures in the window, or one the system switched off. */
  public record Failing(Webhook webhook, WebhookStats stats) implements Serializable {}

  public void load() {
    String account = caller.requireAccountId();
    Duration window = "7d".equals(range) ? Duration.ofDays(7) : Duration.ofHours(24);
    series = statistics.series(account, window, BUCKETS);
    Map<Long, WebhookStats> stats = statistics.byWebhook(account, window);
    failing =
        webhooks.list(account).stream()
            .filter(
                w ->
                    w.getDisabledReason() != null
                        || (stats.containsKey(w.getId()) && stats.get(w.getId()).failed() > 0))
            .map(w -> new Failing(w, stats.get(w.getId())))
            .sorted(
                Comparator.comparingLong((Failing f) -> f.stats() == null ? 0 : f.stats().failed())
                    .reversed())
            .toList();
  }

  public String getRateChart() {
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (double v : series.perMinute()) {
      data.add(v);
    }
    return chart("bar", ConsoleText.get("dashboard.rate.heading"), data, "#2563eb", null);
  }

  public String getSuccessChart() {
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (Double v : series.successRate()) {
      if (v == null) {
        data.addNull();
      } else {
        data.add(v);
      }
    }
    return chart("line", ConsoleText.get("dashboard.success.series"), data, "#15803d", 100);
  }

  /** p50, p95 and p99 of each slice's attempt durations, one line each. */
  public String getLatencyChart() {
    String[] colors = {"#2563eb", "#d97706", "#b91c1c"};
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (int p = 0; p < DeliveryStatistics.PERCENTILES.length; p++) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (Long v : series.latency()[p]) {
        if (v == null) {
          data.addNull();
        } else {
          data.add(v);
        }
      }
      datasets.add(
          Json.createObjectBuilder()
              .add("label", "p" + DeliveryStatistics.PERCENTILES[p])
              .add("data", data)
              .add("backgroundColor", colors[p])
              .add("borderColor", colors[p])
              .add("spanGaps", true)
              .add("tension", 0.3));
    }
    return chart("line", datasets, null, true, ConsoleText.get("dashboard.latency.axis"));
  }

  private String chart(
      String type, String label, JsonArrayBuilder data, String color, Integer max) {
    JsonArrayBuilder datasets =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("label", label)
                    .add("data", data)
                    .add("backgroundColor", color)
                    .add("borderColor", color)
                    .add("spanGaps", true)
                    .add("tension", 0.3));
    return chart(type, datasets, max, false, null);
  }

  private String chart(
      String type, JsonArrayBuilder datasets, Integer max, boolean legend, String yTitle) {
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern(
                series.bucket().toHours() >= 1 ? "dd MMM HH:mm" : "HH:mm", ConsoleText.locale())
            .withZone(ZoneOffset.UTC);
    JsonArrayBuilder labels = Json.createArrayBuilder();
    for (int i = 0; i < BUCKETS; i++) {
      labels.add(format.format(series.from().plus(series.bucket().multipliedBy(i))));
    }
    var y = Json.createObjectBuilder().add("beginAtZero", true);
    if (max != null) {
      y.add("max", max);
    }
    if (yTitle != null) {
      y.add("title", Json.createObjectBuilder().add("display", true).add("text", yTitle));
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", legend)))
                .add("scales", Json.createObjectBuilder().add("y", y)))
        .build()
        .toString();
  }

  public Double getSuccessRate() {
    return series.attempts() == 0
        ? null
        : Math.round(1000.0 * series.delivered() / series.attempts()) / 10.0;
  }

  public Series getSeries() {
    return series;
  }

  public List<Failing> getFailing() {
    return failing;
  }

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = "7d".equals(range) ? "7d" : "24h";
  }
}
