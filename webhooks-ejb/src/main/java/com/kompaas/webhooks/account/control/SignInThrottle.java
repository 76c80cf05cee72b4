package com.kompaas.webhooks.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brute-force protection of the sign-in form per client (remote address), so that a stranger who
 * knows a login cannot lock its real user out: the stranger's own address is refused first.
 *
 * <ul>
 *   <li><b>Per client</b>: a token bucket of {@link #CLIENT_BURST} failed sign-ins, refilled by one
 *       every {@link #CLIENT_REFILL}. An empty bucket refuses every attempt from that client, the
 *       right password too, so one address can guess about 120 passwords an hour across all logins.
 *   <li><b>Per login and client</b>: after {@link #FREE_ATTEMPTS} failures in a row the pair is
 *       locked for 30 s, then twice as long after each further failure, up to {@link #MAX_LOCK}.
 *       The same login from another address is not affected; a success resets the pair.
 * </ul>
 *
 * The login's own lock in the database ({@code User.FREE_ATTEMPTS}) is a far higher ceiling over
 * all clients, against guessing spread over many addresses. State is in memory, per instance, and
 * bounded: beyond {@link #MAX_TRACKED} entries the least recently used are forgotten. Time is
 * passed in. Thread-safe.
 */
public final class SignInThrottle {

  public static final int CLIENT_BURST = 10;
  public static final Duration CLIENT_REFILL = Duration.ofSeconds(30);
  public static final int FREE_ATTEMPTS = 5;
  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  public static final Duration MAX_LOCK = Duration.ofMinutes(15);
  static final int MAX_TRACKED = 10_000;

  private static final int MAX_LOGIN_LENGTH = 100;

  private static final class Bucket {
    double tokens = CLIENT_BURST;
    Instant refilledAt;

    Bucket(Instant now) {
      refilledAt = now;
    }

    void refill(Instant now) {
      if (now.isAfter(refilledAt)) {
        double earned =
            (double) Duration.between(refilledAt, now).toMillis() / CLIENT_REFILL.toMillis();
        tokens = Math.min(CLIENT_BURST, tokens + earned);
        refilledAt = now;
      }
    }
  }

  private static final class Failures {
    int inARow;
    Instant lockedUntil;
  }

  private final Map<String, Bucket> clients = lru();
  private final Map<String, Failures> pairs = lru();

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_TRACKED;
      }
    };
  }

  /** Whether a sign-in of {@code login} from {@code client} may be checked at all. */
  public synchronized boolean admits(String client, String login, Instant now) {
    Bucket bucket = clients.get(client);
    if (bucket != null) {
      bucket.refill(now);
      if (bucket.tokens < 1) {
        return false;
      }
    }
    Failures f = pairs.get(pair(client, login));
    return f == null || f.lockedUntil == null || !now.isBefore(f.lockedUntil);
  }

  /** A wrong password (or unknown login) from this client. */
  public synchronized void failed(String client, String login, Instant now) {
    Bucket bucket = clients.computeIfAbsent(client, c -> new Bucket(now));
    bucket.refill(now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    Failures f = pairs.computeIfAbsent(pair(client, login), p -> new Failures());
    f.inARow++;
    int over = f.inARow - FREE_ATTEMPTS;
    if (over >= 0) {
      Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(over, 20));
      f.lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
    }
  }

  /** A successful sign-in: the pair starts afresh (the client's bucket refills by time only). */
  public synchronized void succeeded(String client, String login) {
    pairs.remove(pair(client, login));
  }

  private static String pair(String client, String login) {
    String l = login == null ? "" : login;
    return client + "\n" + (l.length() > MAX_LOGIN_LENGTH ? l.substring(0, MAX_LOGIN_LENGTH) : l);
  }
}
