-- Events accepted from the telephony platform, and messages that could not be accepted.

CREATE SEQUENCE event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE event (
  id           BIGINT       NOT NULL,
  account_id   VARCHAR(64)  NOT NULL,
  external_id  VARCHAR(128) NOT NULL,
  type         VARCHAR(128) NOT NULL,
  occurred_at  DATETIME(6)  NOT NULL,
  received_at  DATETIME(6)  NOT NULL,
  data         LONGTEXT     NOT NULL,
  PRIMARY KEY (id),
  -- at-least-once producers publish twice; this constraint, not a read-then-write, keeps one copy
  CONSTRAINT uk_event_account_external UNIQUE (account_id, external_id),
  INDEX ix_event_account_received (account_id, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE SEQUENCE dead_letter_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE dead_letter (
  id             BIGINT        NOT NULL,
  received_at    DATETIME(6)   NOT NULL,
  source         VARCHAR(16)   NOT NULL,
  message_id     VARCHAR(255)  NULL,
  reason         VARCHAR(1000) NOT NULL,
  body           MEDIUMTEXT    NULL,
  body_truncated BOOLEAN       NOT NULL,
  body_length    INT           NOT NULL,
  PRIMARY KEY (id),
  INDEX ix_dead_letter_received (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
