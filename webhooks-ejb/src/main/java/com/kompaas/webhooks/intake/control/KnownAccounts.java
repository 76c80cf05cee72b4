package com.kompaas.webhooks.intake.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kompaas.webhooks.account.boundary.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Which accounts exist, remembered for {@link #REMEMBER} once seen, so that the intake does not
 * look the account up for every event. An account that is not (yet) known is looked up each time:
 * one created a moment ago is accepted at once. Bounded (a Caffeine cache that forgets the least
 * used first) and timed by the application's clock.
 */
@ApplicationScoped
public class KnownAccounts {

  static final Duration REMEMBER = Duration.ofMinutes(1);
  static final int MAX_REMEMBERED = 100_000;

  @Inject Accounts accounts;

  @Inject Clock clock;

  private final Cache<String, Boolean> seen =
      Caffeine.newBuilder()
          .maximumSize(MAX_REMEMBERED)
          .expireAfterWrite(REMEMBER)
          .ticker(this::nanos)
          .build();

  public boolean contains(String accountId) {
    if (seen.getIfPresent(accountId) != null) {
      return true;
    }
    boolean exists = accounts.exists(accountId);
    if (exists) {
      seen.put(accountId, Boolean.TRUE);
    }
    return exists;
  }

  private long nanos() {
    Instant now = clock.instant();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }
}
