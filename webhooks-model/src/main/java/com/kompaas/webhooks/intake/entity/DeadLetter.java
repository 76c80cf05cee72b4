package com.kompaas.webhooks.intake.entity;

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
 * A message that could not be accepted as an event, kept with its reason so that nothing the
 * producers send is silently lost. The body is kept up to {@link #MAX_BODY_CHARS} characters.
 */
@Entity
@Table(name = "dead_letter")
@NamedQuery(
    name = DeadLetter.LATEST,
    query = "select d from DeadLetter d order by d.receivedAt desc, d.id desc")
@NamedQuery(name = DeadLetter.COUNT, query = "select count(d) from DeadLetter d")
public class DeadLetter {

  public static final String LATEST = "DeadLetter.latest";
  public static final String COUNT = "DeadLetter.count";

  /** The stored body is cut at this many characters; the original length is kept beside it. */
  public static final int MAX_BODY_CHARS = 64 * 1024;

  public static final int REASON_LENGTH = 1000;
  public static final int MESSAGE_ID_LENGTH = 255;

  /** Where the rejected message came from. */
  public enum Source {
    JMS,
    HTTP
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dead_letter_seq")
  @SequenceGenerator(
      name = "dead_letter_seq",
      sequenceName = "dead_letter_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "source", nullable = false, length = 16)
  private Source source;

  @Column(name = "message_id", length = MESSAGE_ID_LENGTH)
  private String messageId;

  @Column(name = "reason", nullable = false, length = REASON_LENGTH)
  private String reason;

  @Lob
  @Column(name = "body", columnDefinition = "MEDIUMTEXT")
  private String body;

  @Column(name = "body_truncated", nullable = false)
  private boolean bodyTruncated;

  @Column(name = "body_length", nullable = false)
  private int bodyLength;

  protected DeadLetter() {}

  public DeadLetter(
      Instant receivedAt, Source source, String messageId, String reason, String rawBody) {
    this.receivedAt = Objects.requireNonNull(receivedAt);
    this.source = Objects.requireNonNull(source);
    this.messageId = cut(messageId, MESSAGE_ID_LENGTH);
    this.reason = cut(Objects.requireNonNull(reason), REASON_LENGTH);
    this.bodyLength = rawBody == null ? 0 : rawBody.length();
    this.bodyTruncated = rawBody != null && rawBody.length() > MAX_BODY_CHARS;
    this.body = cut(rawBody, MAX_BODY_CHARS);
  }

  /**
   * For a message that was not read whole (a BytesMessage over the size limit is refused on its
   * length, before it is read): {@code start} is what was read of it, {@code originalLength} its
   * size as the message gave it, in bytes.
   */
  public DeadLetter(
      Instant receivedAt,
      Source source,
      String messageId,
      String reason,
      String start,
      long originalLength,
      boolean partial) {
    this(receivedAt, source, messageId, reason, start);
    this.bodyLength = (int) Math.min(Integer.MAX_VALUE, Math.max(originalLength, bodyLength));
    this.bodyTruncated |= partial;
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Source getSource() {
    return source;
  }

  public String getMessageId() {
    return messageId;
  }

  public String getReason() {
    return reason;
  }

  public String getBody() {
    return body;
  }

  public boolean isBodyTruncated() {
    return bodyTruncated;
  }

  public int getBodyLength() {
    return bodyLength;
  }
}
