package com.kompaas.webhooks.intake.control;

import com.kompaas.webhooks.catalog.boundary.Catalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The event type codes of the catalogue, re-read at most every {@link #REFRESH}: intake checks
 * every event against them without a query per message, and a type an operator adds is accepted
 * within that time, without a restart. An unknown code is re-checked at once before it is refused.
 */
@ApplicationScoped
public class KnownEventTypes {

  static final Duration REFRESH = Duration.ofSeconds(30);

  @Inject Catalog catalog;

  @Inject Clock clock;

  private volatile Set<String> codes = Set.of();
  private volatile Instant readAt = Instant.EPOCH;

  public boolean contains(String code) {
    Instant now = clock.instant();
    boolean known = codes.contains(code);
    if (known && now.isBefore(readAt.plus(REFRESH))) {
      return true;
    }
    if (!known && now.isBefore(readAt.plusSeconds(1))) {
      return false; // re-read a moment ago: a flood of unknown types must not become a flood of
      // queries
    }
    codes = catalog.codes();
    readAt = now;
    return codes.contains(code);
  }
}
