package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.outbound.control.AddressGuard;
import com.kompaas.webhooks.outbound.control.HostResolver;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivery's settings from MicroProfile Config (see the README's table), and the shared controls
 * built from them: one HTTP sender with its keep-alive pools, one endpoint gate, one address guard
 * and one retry schedule per instance.
 */
@ApplicationScoped
public class DeliveryConfiguration {

  @Inject
  @ConfigProperty(
      name = "webhooks.delivery.retry-schedule",
      defaultValue = RetrySchedule.DEFAULT_SPEC)
  String retrySchedule;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.connect-timeout", defaultValue = "5s")
  String connectTimeout;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.total-timeout", defaultValue = "15s")
  String totalTimeout;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.max-response-bytes", defaultValue = "20480")
  int maxResponseBytes;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.user-agent", defaultValue = "kompaas-webhooks/1")
  String userAgent;

  @Inject
  @ConfigProperty(name = "webhooks.outbound.allow")
  Optional<String> outboundAllow;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.max-in-flight-per-endpoint", defaultValue = "16")
  int maxInFlightPerEndpoint;

  /**
   * Unset: as many as may be in flight to one endpoint, so a sender never waits for a connection.
   */
  @Inject
  @ConfigProperty(name = "webhooks.delivery.max-connections-per-endpoint")
  Optional<Integer> maxConnectionsPerEndpoint;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.max-connections", defaultValue = "256")
  int maxConnections;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.breaker.failures", defaultValue = "5")
  int breakerFailures;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.breaker.cooldown", defaultValue = "10s")
  String breakerCooldown;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.breaker.max-cooldown", defaultValue = "5m")
  String breakerMaxCooldown;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.auto-disable-after", defaultValue = "5d")
  String autoDisableAfter;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.lease", defaultValue = "60s")
  String lease;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.scheduler-batch", defaultValue = "500")
  int schedulerBatch;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.senders", defaultValue = "64")
  int senders;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.resend-senders", defaultValue = "16")
  int resendSenders;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.sender-queue", defaultValue = "2000")
  int senderQueue;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.record-batch", defaultValue = "100")
  int recordBatch;

  @Inject
  @ConfigProperty(name = "webhooks.delivery.record-writers", defaultValue = "2")
  int recordWriters;

  private ApacheHttpSender sender;

  /** Jitter from the calling thread's generator: the schedule is shared by all sender threads. */
  private static final RandomGenerator RANDOM = () -> ThreadLocalRandom.current().nextLong();

  @Produces
  @Singleton // one per application, unproxied: these controls are final or have no no-arg
  // constructor
  RetrySchedule retrySchedule() {
    return RetrySchedule.parse(retrySchedule, RANDOM);
  }

  @Produces
  @Singleton // one per application, unproxied: these controls are final or have no no-arg
  // constructor
  AddressGuard addressGuard() {
    return AddressGuard.parse(outboundAllow.orElse(""), HostResolver.system());
  }

  @Produces
  @Singleton // one per application, unproxied: these controls are final or have no no-arg
  // constructor
  HttpSender httpSender(AddressGuard guard, Clock clock) {
    // by default as many as the sender threads: the gate already bounds each webhook, and webhooks
    // sharing a host (one SaaS, many customers) must not wait for one another's connections; with
    // the per-webhook cap here, one hanging webhook held all of its host's connections and the
    // others' deliveries waited for them (docs/benchmarks.md, isolation at 500 events/s)
    int perEndpoint = Math.max(maxConnectionsPerEndpoint.orElse(senders() + resendSenders()), 1);
    sender =
        new ApacheHttpSender(
            new ApacheHttpSender.Settings(
                    RetrySchedule.duration(connectTimeout),
                    RetrySchedule.duration(totalTimeout),
                    maxResponseBytes,
                    userAgent)
                // every sender thread holds one connection at most: fewer in all would make one
                // wait
                .withConnections(
                    perEndpoint,
                    Math.max(maxConnections, Math.max(senders() + resendSenders(), perEndpoint))),
            guard,
            ApacheHttpSender.defaultTls(),
            clock);
    return sender;
  }

  @Produces
  @Singleton // one per application, unproxied: these controls are final or have no no-arg
  // constructor
  EndpointGate endpointGate() {
    return new EndpointGate(
        new EndpointGate.Limits(
            maxInFlightPerEndpoint,
            Duration.ofMillis(10),
            breakerFailures,
            RetrySchedule.duration(breakerCooldown),
            RetrySchedule.duration(breakerMaxCooldown)));
  }

  public Duration autoDisableAfter() {
    return RetrySchedule.duration(autoDisableAfter);
  }

  /**
   * How long a handed-out delivery belongs to the queue or a sender before it is handed out again.
   */
  public Duration lease() {
    Duration configured = RetrySchedule.duration(lease);
    Duration floor = RetrySchedule.duration(totalTimeout).plusSeconds(15);
    return configured.compareTo(floor) < 0 ? floor : configured;
  }

  /** The longest a request may take, response included. */
  public Duration totalTimeout() {
    return RetrySchedule.duration(totalTimeout);
  }

  /** Sender threads per instance. */
  public int senders() {
    return Math.max(senders, maxInFlightPerEndpoint + 1);
  }

  /**
   * Sender threads for the deliveries the scheduler hands out (resends, ended leases), apart from
   * the others.
   */
  public int resendSenders() {
    return Math.max(1, resendSenders);
  }

  /** Deliveries waiting in memory for a sender at most (in each of the two queues). */
  public int senderQueue() {
    return Math.max(senderQueue, 1);
  }

  /** Attempts written in one transaction at most. */
  public int recordBatch() {
    return Math.max(recordBatch, 1);
  }

  /** Transactions writing attempts at once at most, per instance. */
  public int recordWriters() {
    return Math.max(recordWriters, 1);
  }

  public int schedulerBatch() {
    return schedulerBatch;
  }

  @PreDestroy
  void close() {
    if (sender != null) {
      sender.close();
    }
  }
}
