package com.kompaas.webhooks.it.delivery;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time plus an offset the test moves forward, replacing the application's clock in the test
 * deployment: the resend schedule's minutes and hours pass without sleeping.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class TestClock {

  static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

  public static void advance(Duration by) {
    OFFSET.updateAndGet(d -> d.plus(by));
  }

  /**
   * Back to real time, after each test: otherwise every later test's events are stored days in the
   * future, and in the database the test classes share they crowd the operator's "newest events"
   * page, which other classes check.
   */
  public static void reset() {
    OFFSET.set(Duration.ZERO);
  }

  @Produces
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.now().plus(OFFSET.get());
      }
    };
  }
}
