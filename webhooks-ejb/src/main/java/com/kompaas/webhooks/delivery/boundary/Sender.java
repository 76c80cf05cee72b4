package com.kompaas.webhooks.delivery.boundary;

import com.kompaas.webhooks.account.control.Credentials;
import com.kompaas.webhooks.delivery.control.AttemptOutcome;
import com.kompaas.webhooks.delivery.control.AttemptRecorder;
import com.kompaas.webhooks.delivery.control.DeliveryConfiguration;
import com.kompaas.webhooks.delivery.control.DeliveryStore;
import com.kompaas.webhooks.delivery.control.DispatchTicket;
import com.kompaas.webhooks.delivery.control.EndpointGate;
import com.kompaas.webhooks.delivery.control.FinishedAttempt;
import com.kompaas.webhooks.delivery.control.HeaderMasker;
import com.kompaas.webhooks.delivery.control.HttpSender;
import com.kompaas.webhooks.delivery.control.Job;
import com.kompaas.webhooks.delivery.control.OutboundRequest;
import com.kompaas.webhooks.delivery.control.OutcomeClassifier;
import com.kompaas.webhooks.delivery.control.RequestBuilder;
import com.kompaas.webhooks.delivery.control.SendResult;
import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.delivery.entity.StoredText;
import com.kompaas.webhooks.subscription.control.EventValues;
import com.kompaas.webhooks.subscription.control.RequestRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes one attempt for one claimed delivery: pass the endpoint's gate, render and sign the
 * request, send it, write the attempt. No transaction is open during the HTTP call; the record
 * after it is a short transaction, shared with other senders' records (see {@link
 * AttemptRecorder}).
 *
 * <p>A plain CDI bean, not an EJB: it holds no state and opens no transaction itself (every
 * database step is a call to {@link DeliveryStore}, which starts its own), and an EJB call per
 * delivery, with its security, request-scope and transaction interceptors, cost about a tenth of
 * the sender threads' CPU.
 */
@ApplicationScoped
public class Sender {

  @Inject DeliveryStore store;

  @Inject AttemptRecorder recorder;

  @Inject EndpointGate gate;

  @Inject HttpSender http;

  @Inject DeliveryConfiguration configuration;

  @Inject Clock clock;

  @Inject Logger log;

  private final RequestRenderer renderer = new RequestRenderer();
  private final RequestBuilder builder = new RequestBuilder();
  private final OutcomeClassifier classifier = new OutcomeClassifier();

  /**
   * A request must be able to finish this long before its lease ends, or it is left to the
   * scheduler: past the lease, the delivery may be handed to another sender.
   */
  static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

  /**
   * A delivery claimed for this instance, at creation (see {@code FanOut}) or by the scheduler (see
   * {@code DeliveryStore.handOutDue}): no claim transaction needed.
   */
  public void deliver(Job job) throws InterruptedException {
    Instant now = clock.instant();
    if (now.plus(configuration.totalTimeout()).plus(LEASE_MARGIN).isAfter(job.leaseUntil())) {
      // waited too long for a sender: the scheduler hands it out again when the lease ends
      log.fine(
          () ->
              "Delivery " + job.deliveryId() + " left to the scheduler: its lease is nearly over");
      return;
    }
    if (admitted(job.ticket(), now)) {
      attemptAndRecord(job);
    }
  }

  /** Passes the endpoint's gate, or puts the delivery back to pending for when it may try again. */
  private boolean admitted(DispatchTicket ticket, Instant now) throws InterruptedException {
    Optional<Instant> notBefore = gate.tryEnter(ticket.webhookId(), now);
    if (notBefore.isPresent()) {
      store.defer(ticket, notBefore.get(), now);
      return false;
    }
    return true;
  }

  /** Inside the gate: attempt, record, and always leave the gate again. */
  private void attemptAndRecord(Job job) throws InterruptedException {
    long webhookId = job.webhook().id();
    boolean sent = false;
    boolean delivered = false;
    try {
      Attempted attempted = attempt(job);
      sent = true;
      delivered = attempted.outcome().delivered();
      record(job, attempted);
    } finally {
      if (sent) {
        gate.leave(webhookId, delivered, clock.instant());
      } else {
        gate.release(webhookId);
      }
    }
  }

  private record Attempted(Attempt attempt, AttemptOutcome outcome) {}

  /**
   * The request went out, so its attempt must be logged before the gate learns the outcome (the
   * gate decides whether a success is worth writing to the endpoint's health row).
   */
  private void record(Job job, Attempted attempted) throws InterruptedException {
    Instant now = clock.instant();
    boolean worth =
        attempted.outcome().delivered()
            && gate.successWorthRecording(
                job.webhook().id(), now, DeliveryStore.SUCCESS_RECORD_INTERVAL);
    recorder.record(new FinishedAttempt(job, attempted.attempt(), attempted.outcome(), now, worth));
  }

  private Attempted attempt(Job job) {
    Instant startedAt = clock.instant();
    OutboundRequest request;
    try {
      var rendered = renderer.render(job.webhook().settings(), EventValues.of(job.event()));
      request =
          builder.build(
              rendered,
              RequestBuilder.messageId(job.deliveryId()),
              startedAt,
              job.webhook().secrets());
    } catch (RuntimeException e) {
      // settings are validated on save, so this is a defect or a changed catalogue: log, not crash
      var outcome =
          new AttemptOutcome(
              AttemptOutcome.Verdict.FAILED,
              DeliveryError.OTHER,
              0,
              null,
              "could not build the request: " + e.getMessage());
      return new Attempted(
          attempt(
              job,
              startedAt,
              Duration.ZERO,
              new Attempt.Request(
                  job.webhook().settings().method().name(),
                  Credentials.maskUrl(job.webhook().settings().url()),
                  "",
                  null),
              new Attempt.Response(null, null, null, false),
              outcome),
          outcome);
    }
    SendResult result = http.send(request);
    AttemptOutcome outcome = classifier.classify(result, clock.instant());
    var sentRequest =
        new Attempt.Request(
            request.method(),
            HeaderMasker.url(request.url()),
            HeaderMasker.requestHeaders(request.headers()),
            request.body().length == 0 ? null : new String(request.body(), StandardCharsets.UTF_8));
    var response =
        new Attempt.Response(
            result.responded() ? result.status() : null,
            result.responded() ? HeaderMasker.responseHeaders(result.headers()) : null,
            result.responded() ? body(result) : null,
            result.truncated());
    return new Attempted(
        attempt(job, result.startedAt(), result.duration(), sentRequest, response, outcome),
        outcome);
  }

  /** The response body as text; the sender's cap may have cut through a character at its end. */
  private static String body(SendResult result) {
    return result.truncated()
        ? StoredText.decodeCut(result.body())
        : new String(result.body(), StandardCharsets.UTF_8);
  }

  private static Attempt attempt(
      Job job,
      Instant startedAt,
      Duration duration,
      Attempt.Request request,
      Attempt.Response response,
      AttemptOutcome outcome) {
    return new Attempt(
        job.deliveryId(),
        job.accountId(),
        job.attemptNumber(),
        job.manual(),
        startedAt,
        duration.toMillis(),
        request,
        response,
        Attempt.Outcome.valueOf(outcome.verdict().name()),
        outcome.error(),
        outcome.detail());
  }
}
