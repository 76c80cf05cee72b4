package com.kompaas.webhooks.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP send, success or failure, as it went out and as it came back. Never changed after it is
 * written: a resend is a new attempt. Secrets in the request headers are masked before they get
 * here.
 */
@Entity
@Table(name = "attempt")
@NamedQuery(
    name = Attempt.BY_DELIVERY,
    query =
        "select a from Attempt a where a.accountId = :accountId and a.deliveryId = :deliveryId"
            + " order by a.number, a.id")
@NamedQuery(
    name = Attempt.SAMPLE_BY_ACCOUNT_SINCE,
    query =
        "select a.startedAt, a.durationMs, a.outcome from Attempt a where a.accountId = :accountId"
            + " and a.startedAt >= :since order by a.startedAt desc")
public class Attempt {

  public static final String BY_DELIVERY = "Attempt.byDelivery";

  /** Time, duration and outcome of an account's newest attempts: the dashboard's bounded sample. */
  public static final String SAMPLE_BY_ACCOUNT_SINCE = "Attempt.sampleByAccountSince";

  // What each column holds (V4__delivery.sql): VARCHARs count characters, TEXTs bytes of utf8mb4.
  public static final int METHOD_LENGTH = 8;
  public static final int URL_LENGTH = 8192;
  public static final int ERROR_DETAIL_LENGTH = 1000;

  /** A TEXT column: request and response headers. */
  public static final int HEADERS_BYTES = 65_535;

  /**
   * Request and response bodies are kept up to 1 MiB each, though their MEDIUMTEXT columns hold 16
   * MiB: a row must stay well within the server's {@code max_allowed_packet} (16 MiB by default),
   * which the driver enforces by dropping the connection, not as a data error.
   */
  public static final int BODY_BYTES = 1024 * 1024;

  /** What {@link #withoutDetails} writes in the error detail, before the database's reason. */
  public static final String DETAILS_NOT_STORED = "attempt details could not be stored: ";

  /** How the attempt ended. */
  public enum Outcome {
    DELIVERED,
    FAILED,
    GONE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attempt_seq")
  @SequenceGenerator(name = "attempt_seq", sequenceName = "attempt_seq", allocationSize = 1000)
  private Long id;

  @Column(name = "delivery_id", nullable = false)
  private long deliveryId;

  @Column(name = "account_id", nullable = false, length = 64)
  private String accountId;

  @Column(name = "number", nullable = false)
  private int number;

  @Column(name = "manual", nullable = false)
  private boolean manual;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "duration_ms", nullable = false)
  private long durationMs;

  @Column(name = "request_method", nullable = false, length = 8)
  private String requestMethod;

  @Column(name = "request_url", nullable = false, length = URL_LENGTH)
  private String requestUrl;

  @Lob
  @Column(name = "request_headers", nullable = false, columnDefinition = "TEXT")
  private String requestHeaders;

  @Lob
  @Column(name = "request_body", columnDefinition = "MEDIUMTEXT")
  private String requestBody;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Lob
  @Column(name = "response_headers", columnDefinition = "TEXT")
  private String responseHeaders;

  @Lob
  @Column(name = "response_body", columnDefinition = "MEDIUMTEXT")
  private String responseBody;

  @Column(name = "response_truncated", nullable = false)
  private boolean responseTruncated;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, columnDefinition = "VARCHAR(16)")
  private Outcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(name = "error", columnDefinition = "VARCHAR(32)")
  private DeliveryError error;

  @Column(name = "error_detail", length = ERROR_DETAIL_LENGTH)
  private String errorDetail;

  protected Attempt() {}

  /** What was sent. */
  public record Request(String method, String url, String headers, String body) {}

  /** What came back; {@code status} null when no response arrived. */
  public record Response(Integer status, String headers, String body, boolean truncated) {}

  public Attempt(
      long deliveryId,
      String accountId,
      int number,
      boolean manual,
      Instant startedAt,
      long durationMs,
      Request request,
      Response response,
      Outcome outcome,
      DeliveryError error,
      String errorDetail) {
    this.deliveryId = deliveryId;
    this.accountId = Objects.requireNonNull(accountId);
    this.number = number;
    this.manual = manual;
    this.startedAt = Objects.requireNonNull(startedAt);
    this.durationMs = durationMs;
    // every column is cut to what it holds (with a marker), so the row can always be written
    this.requestMethod =
        StoredText.characters(Objects.requireNonNull(request.method()), METHOD_LENGTH);
    this.requestUrl =
        StoredText.characters(Objects.requireNonNullElse(request.url(), ""), URL_LENGTH);
    this.requestHeaders =
        StoredText.bytes(Objects.requireNonNullElse(request.headers(), ""), HEADERS_BYTES);
    this.requestBody = StoredText.bytes(request.body(), BODY_BYTES);
    this.responseStatus = response.status();
    this.responseHeaders = StoredText.bytes(response.headers(), HEADERS_BYTES);
    // the body is cut like the sender cuts it at max-response-bytes: flagged, not marked in the
    // text
    this.responseBody = StoredText.prefix(response.body(), BODY_BYTES);
    this.responseTruncated =
        response.truncated()
            || (response.body() != null && this.responseBody.length() < response.body().length());
    this.outcome = Objects.requireNonNull(outcome);
    this.error = error;
    this.errorDetail = StoredText.characters(errorDetail, ERROR_DETAIL_LENGTH);
  }

  /**
   * This attempt as a summary, for when the database refused its details for a data reason: what
   * decides the delivery (outcome, status, error class) and when it happened, with {@code reason}
   * in the error detail. The request and response are left out, since one of them was refused.
   */
  public Attempt withoutDetails(String reason) {
    return new Attempt(
        deliveryId,
        accountId,
        number,
        manual,
        startedAt,
        durationMs,
        new Request(requestMethod, "", "", null),
        new Response(responseStatus, null, null, false),
        outcome,
        error,
        DETAILS_NOT_STORED + reason);
  }

  public Long getId() {
    return id;
  }

  public long getDeliveryId() {
    return deliveryId;
  }

  public String getAccountId() {
    return accountId;
  }

  public int getNumber() {
    return number;
  }

  public boolean isManual() {
    return manual;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public long getDurationMs() {
    return durationMs;
  }

  public String getRequestMethod() {
    return requestMethod;
  }

  public String getRequestUrl() {
    return requestUrl;
  }

  public String getRequestHeaders() {
    return requestHeaders;
  }

  public String getRequestBody() {
    return requestBody;
  }

  public Integer getResponseStatus() {
    return responseStatus;
  }

  public String getResponseHeaders() {
    return responseHeaders;
  }

  public String getResponseBody() {
    return responseBody;
  }

  public boolean isResponseTruncated() {
    return responseTruncated;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public DeliveryError getError() {
    return error;
  }

  public String getErrorDetail() {
    return errorDetail;
  }
}
