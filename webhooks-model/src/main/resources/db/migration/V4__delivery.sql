-- Deliveries: one per (webhook, event), carrying the resend schedule; attempts: one per HTTP send.

CREATE SEQUENCE delivery_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE delivery (
  id                BIGINT        NOT NULL,
  version           BIGINT        NOT NULL,
  account_id        VARCHAR(64)   NOT NULL,
  webhook_id        BIGINT        NOT NULL,
  event_id          BIGINT        NOT NULL,
  event_type        VARCHAR(128)  NOT NULL,
  external_event_id VARCHAR(128)  NOT NULL,
  -- PENDING: waiting until due_at; QUEUED: handed to senders, lease until due_at;
  -- SENDING: a sender holds it until due_at; SUCCEEDED and FAILED are final until a manual resend
  status            VARCHAR(16)   NOT NULL,
  due_at            DATETIME(6)   NULL,
  -- changes whenever the delivery is handed out; a sender whose token is stale does nothing
  dispatch_token    BIGINT        NOT NULL,
  attempts          INT           NOT NULL,
  manual_resend     BOOLEAN       NOT NULL DEFAULT FALSE,
  last_attempt_at   DATETIME(6)   NULL,
  last_status_code  INT           NULL,
  last_error        VARCHAR(32)   NULL,
  created_at        DATETIME(6)   NOT NULL,
  updated_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  -- fan-out runs again for a redelivered message; this keeps one delivery per webhook and event
  CONSTRAINT uk_delivery_webhook_event UNIQUE (webhook_id, event_id),
  CONSTRAINT fk_delivery_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id) ON DELETE CASCADE,
  CONSTRAINT fk_delivery_event FOREIGN KEY (event_id) REFERENCES event (id),
  CONSTRAINT ck_delivery_status CHECK (status IN ('PENDING', 'QUEUED', 'SENDING', 'SUCCEEDED', 'FAILED')),
  -- the scheduler's claim: active rows whose time has come, oldest first
  INDEX ix_delivery_due (status, due_at),
  INDEX ix_delivery_account_created (account_id, created_at),
  INDEX ix_delivery_webhook_created (webhook_id, created_at),
  INDEX ix_delivery_account_external (account_id, external_event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE SEQUENCE attempt_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE attempt (
  id                 BIGINT        NOT NULL,
  delivery_id        BIGINT        NOT NULL,
  account_id         VARCHAR(64)   NOT NULL,
  number             INT           NOT NULL,
  manual             BOOLEAN       NOT NULL,
  started_at         DATETIME(6)   NOT NULL,
  duration_ms        BIGINT        NOT NULL,
  request_method     VARCHAR(8)    NOT NULL,
  request_url        VARCHAR(8192) NOT NULL,
  request_headers    TEXT          NOT NULL,
  request_body       MEDIUMTEXT    NULL,
  response_status    INT           NULL,
  response_headers   TEXT          NULL,
  response_body      MEDIUMTEXT    NULL,
  response_truncated BOOLEAN       NOT NULL,
  outcome            VARCHAR(16)   NOT NULL,
  error              VARCHAR(32)   NULL,
  error_detail       VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id) ON DELETE CASCADE,
  INDEX ix_attempt_delivery (delivery_id, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What delivery learns about an endpoint. Kept apart from webhook so that senders never contend
-- with a user editing the webhook's settings (which are optimistically locked).
CREATE TABLE webhook_health (
  webhook_id            BIGINT      NOT NULL,
  last_success_at       DATETIME(6) NULL,
  last_failure_at       DATETIME(6) NULL,
  -- the first failure after the last success; null while healthy
  failing_since         DATETIME(6) NULL,
  consecutive_failures  INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (webhook_id),
  CONSTRAINT fk_webhook_health_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Signing-secret rotation keeps the old secret signing beside the new one for a while; and the
-- reason a webhook was switched off by the system, for the account to see.
ALTER TABLE webhook
  ADD COLUMN previous_secret       VARCHAR(128)  NULL,
  ADD COLUMN previous_secret_until DATETIME(6)   NULL,
  ADD COLUMN disabled_reason       VARCHAR(500)  NULL,
  ADD COLUMN disabled_at           DATETIME(6)   NULL;
