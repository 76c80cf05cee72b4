package com.kompaas.webhooks.delivery.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one endpoint from hurting the others: a cap on requests in flight per webhook (deliveries
 * refused at the cap come back spread out at the pace the endpoint frees places), and a circuit
 * breaker that stops sending to a webhook after consecutive failures, lets one probe through when
 * its cool-down ends, and closes on the probe's success. A refused delivery is not an attempt: the
 * caller defers it to the returned time. State is per instance (each instance learns on its own,
 * within a few requests); the durable record of failures is in the database.
 */
public class EndpointGate {

  /** The limits, from configuration. */
  public record Limits(
      int maxInFlight,
      Duration permitWait,
      int failureThreshold,
      Duration baseCooldown,
      Duration maxCooldown) {}

  /** How long a delivery refused because its endpoint is at its in-flight cap waits at least. */
  static final Duration FULL_BACKOFF = Duration.ofSeconds(2);

  private final Limits limits;
  private final ConcurrentHashMap<Long, Endpoint> endpoints = new ConcurrentHashMap<>();

  public EndpointGate(Limits limits) {
    this.limits = limits;
  }

  /**
   * @return empty when admitted (then {@link #leave} must follow), otherwise when to try again
   */
  public Optional<Instant> tryEnter(long webhookId, Instant now) throws InterruptedException {
    Endpoint endpoint =
        endpoints.computeIfAbsent(webhookId, id -> new Endpoint(limits.maxInFlight()));
    Optional<Instant> closedUntil = endpoint.admit(now, limits);
    if (closedUntil.isPresent()) {
      return closedUntil;
    }
    // a short wait absorbs bursts; a longer one would tie up sender threads for one endpoint
    // whose requests hang, while its whole backlog comes round again on every scheduler tick
    if (!endpoint.inFlight.tryAcquire(limits.permitWait().toMillis(), TimeUnit.MILLISECONDS)) {
      endpoint.cancelProbe();
      return Optional.of(endpoint.nextPlace(now, limits));
    }
    endpoint.started(now);
    return Optional.empty();
  }

  /** Reports the result of an admitted request and frees its place. */
  public void leave(long webhookId, boolean success, Instant now) {
    Endpoint endpoint = endpoints.get(webhookId);
    if (endpoint == null) {
      return;
    }
    endpoint.finished(now, true);
    endpoint.inFlight.release();
    endpoint.record(success, now, limits);
  }

  /** Frees the place of an admitted request that sent nothing; it counts neither way. */
  public void release(long webhookId) {
    Endpoint endpoint = endpoints.get(webhookId);
    if (endpoint != null) {
      endpoint.finished(null, false);
      endpoint.inFlight.release();
      endpoint.cancelProbe();
    }
  }

  /**
   * Whether a success should be written to the database now: always right after failures seen here,
   * otherwise at most once per {@code every}, so a healthy busy endpoint does not turn its health
   * row into a hot spot while failures seen by other instances are still cleared soon.
   */
  public boolean successWorthRecording(long webhookId, Instant now, Duration every) {
    Endpoint endpoint =
        endpoints.computeIfAbsent(webhookId, id -> new Endpoint(limits.maxInFlight()));
    return endpoint.successWorthRecording(now, every);
  }

  /** Whether the endpoint is known here to be failing: a success then must be written down. */
  public boolean failing(long webhookId) {
    Endpoint endpoint = endpoints.get(webhookId);
    return endpoint != null && endpoint.consecutiveFailures > 0;
  }

  public boolean open(long webhookId, Instant now) {
    Endpoint endpoint = endpoints.get(webhookId);
    return endpoint != null && endpoint.openUntil != null && now.isBefore(endpoint.openUntil);
  }

  private static final class Endpoint {
    final Semaphore inFlight;
    int consecutiveFailures;
    int trips;
    Instant openUntil;
    boolean probing;

    /**
     * When the requests in flight started, oldest first (completions are taken as first in, first
     * out).
     */
    private final ArrayDeque<Instant> started = new ArrayDeque<>();

    /** Smoothed duration of finished requests; null until one finished. */
    private Duration typical;

    /** The time handed to the last delivery refused for want of a place. */
    private Instant lastPlace;

    Endpoint(int maxInFlight) {
      this.inFlight = new Semaphore(maxInFlight);
    }

    synchronized void started(Instant now) {
      started.addLast(now);
    }

    synchronized void finished(Instant now, boolean measured) {
      Instant since = started.pollFirst();
      if (measured && since != null) {
        Duration took = Duration.between(since, now);
        typical = typical == null ? took : typical.multipliedBy(7).plus(took).dividedBy(8);
      }
    }

    /**
     * When a delivery refused because the endpoint is full should come back: one place frees up
     * about every (request duration / cap), so the refused deliveries are spread out at that pace
     * instead of all coming back together. The duration is at least as long as the oldest request
     * in flight has been running, which tells a hanging endpoint apart before any request ends.
     */
    synchronized Instant nextPlace(Instant now, Limits limits) {
      Duration duration = typical == null ? Duration.ZERO : typical;
      Instant oldest = started.peekFirst();
      if (oldest != null && Duration.between(oldest, now).compareTo(duration) > 0) {
        duration = Duration.between(oldest, now);
      }
      Duration spacing = duration.dividedBy(limits.maxInFlight());
      Instant earliest = now.plus(FULL_BACKOFF);
      Instant place =
          (lastPlace == null || lastPlace.isBefore(earliest) ? earliest : lastPlace).plus(spacing);
      Instant latest = now.plus(limits.maxCooldown());
      lastPlace = place.isAfter(latest) ? latest : place;
      return lastPlace;
    }

    synchronized Optional<Instant> admit(Instant now, Limits limits) {
      if (openUntil == null) {
        return Optional.empty();
      }
      if (now.isBefore(openUntil)) {
        return Optional.of(openUntil);
      }
      if (probing) {
        // one probe at a time while half-open; the rest wait for its verdict
        return Optional.of(now.plus(limits.baseCooldown()));
      }
      probing = true;
      return Optional.empty();
    }

    Instant lastSuccessRecorded;

    synchronized boolean successWorthRecording(Instant now, Duration every) {
      if (consecutiveFailures > 0
          || lastSuccessRecorded == null
          || !now.isBefore(lastSuccessRecorded.plus(every))) {
        lastSuccessRecorded = now;
        return true;
      }
      return false;
    }

    synchronized void cancelProbe() {
      probing = false;
    }

    synchronized void record(boolean success, Instant now, Limits limits) {
      probing = false;
      if (success) {
        consecutiveFailures = 0;
        trips = 0;
        openUntil = null;
        return;
      }
      consecutiveFailures++;
      if (consecutiveFailures >= limits.failureThreshold()) {
        trips++;
        long factor = 1L << Math.min(trips - 1, 16);
        Duration cooldown = limits.baseCooldown().multipliedBy(factor);
        if (cooldown.compareTo(limits.maxCooldown()) > 0) {
          cooldown = limits.maxCooldown();
        }
        openUntil = now.plus(cooldown);
      }
    }
  }
}
