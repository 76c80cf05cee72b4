package com.kompaas.webhooks.intake.control;

import com.kompaas.webhooks.account.boundary.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which accounts exist, remembered for {@link #REMEMBER} once seen, so that the intake does not
 * look the account up for every event. An account that is not (yet) known is looked up each time:
 * one created a moment ago is accepted at once.
 */
@ApplicationScoped
public class KnownAccounts {

  static final Duration REMEMBER = Duration.ofMinutes(1);
  static final int MAX_REMEMBERED = 100_000;

  @Inject Accounts accounts;

  @Inject Clock clock;

  private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();

  public boolean contains(String accountId) {
    Instant now = clock.instant();
    Instant until = seen.get(accountId);
    if (until != null && now.isBefore(until)) {
      return true;
    }
    boolean exists = accounts.exists(accountId);
    if (exists) {
      if (seen.size() >= MAX_REMEMBERED) {
        seen.clear();
      }
      seen.put(accountId, now.plus(REMEMBER));
    } else {
      seen.remove(accountId);
    }
    return exists;
  }
}
