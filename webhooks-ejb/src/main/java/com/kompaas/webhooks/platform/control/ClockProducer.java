package com.kompaas.webhooks.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of time, so that tests can drive schedules without sleeping. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  public Clock clock() {
    return Clock.systemUTC();
  }
}
