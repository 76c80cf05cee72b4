-- Webhooks: one account's subscription to one event type with its nine settings. The ordered
-- key/value lists live in child tables keyed by (webhook_id, position).

CREATE SEQUENCE webhook_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE webhook (
  id              BIGINT        NOT NULL,
  version         BIGINT        NOT NULL,
  account_id      VARCHAR(64)   NOT NULL,
  event_type      VARCHAR(128)  NOT NULL,
  title           VARCHAR(200)  NOT NULL,
  url             VARCHAR(2048) NOT NULL,
  retry_if_error  BOOLEAN       NOT NULL DEFAULT TRUE,
  method          VARCHAR(8)    NOT NULL,
  data_type       VARCHAR(8)    NOT NULL,
  body_template   MEDIUMTEXT    NOT NULL,
  enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
  secret          VARCHAR(128)  NULL,
  created_at      DATETIME(6)   NOT NULL,
  updated_at      DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  -- the list page, and delivery's fan-out from an event to its account's webhooks
  INDEX ix_webhook_account_type (account_id, event_type, enabled),
  CONSTRAINT fk_webhook_event_type FOREIGN KEY (event_type) REFERENCES event_type (code),
  CONSTRAINT ck_webhook_method CHECK (method IN ('GET', 'POST')),
  CONSTRAINT ck_webhook_data_type CHECK (data_type IN ('JSON', 'TEXT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Setting 6: the ticked available parameters, in the order they go out.
CREATE TABLE webhook_parameter (
  webhook_id  BIGINT      NOT NULL,
  position    INT         NOT NULL,
  name        VARCHAR(64) NOT NULL,
  PRIMARY KEY (webhook_id, position),
  CONSTRAINT fk_webhook_parameter_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Setting 7.
CREATE TABLE webhook_user_parameter (
  webhook_id  BIGINT        NOT NULL,
  position    INT           NOT NULL,
  name        VARCHAR(256)  NOT NULL,
  value       VARCHAR(2048) NOT NULL,
  PRIMARY KEY (webhook_id, position),
  CONSTRAINT fk_webhook_user_parameter_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Setting 8.
CREATE TABLE webhook_query_parameter (
  webhook_id  BIGINT        NOT NULL,
  position    INT           NOT NULL,
  name        VARCHAR(256)  NOT NULL,
  value       VARCHAR(2048) NOT NULL,
  PRIMARY KEY (webhook_id, position),
  CONSTRAINT fk_webhook_query_parameter_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Setting 9.
CREATE TABLE webhook_header (
  webhook_id  BIGINT        NOT NULL,
  position    INT           NOT NULL,
  name        VARCHAR(256)  NOT NULL,
  value       VARCHAR(2048) NOT NULL,
  PRIMARY KEY (webhook_id, position),
  CONSTRAINT fk_webhook_header_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
