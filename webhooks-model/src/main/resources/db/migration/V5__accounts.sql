-- Tenants, their users and API keys, and the audit log of webhook changes. An account's id is the
-- same string producers put in events (event.account_id, webhook.account_id).

CREATE TABLE account (
  id          VARCHAR(64)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;

-- "user" is a reserved word in MariaDB
CREATE TABLE app_user (
  id               BIGINT       NOT NULL,
  version          BIGINT       NOT NULL,
  login            VARCHAR(100) NOT NULL,
  password_hash    VARCHAR(512) NOT NULL,
  role             VARCHAR(32)  NOT NULL,
  account_id       VARCHAR(64)  NULL,
  failed_attempts  INT          NOT NULL DEFAULT 0,
  locked_until     DATETIME(6)  NULL,
  created_at       DATETIME(6)  NOT NULL,
  last_login_at    DATETIME(6)  NULL,
  PRIMARY KEY (id),
  -- also what makes two instances' concurrent first start create one operator, not two
  CONSTRAINT uk_app_user_login UNIQUE (login),
  INDEX ix_app_user_account (account_id),
  CONSTRAINT fk_app_user_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT ck_app_user_role CHECK (role IN ('ACCOUNT_ADMIN', 'ACCOUNT_VIEWER', 'PLATFORM_OPERATOR')),
  -- operators belong to no account; everyone else to exactly one
  CONSTRAINT ck_app_user_account CHECK ((role = 'PLATFORM_OPERATOR') = (account_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE SEQUENCE api_key_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE api_key (
  id            BIGINT       NOT NULL,
  account_id    VARCHAR(64)  NOT NULL,
  name          VARCHAR(100) NOT NULL,
  -- the first characters of the key, to tell keys apart; the key itself is never stored
  prefix        VARCHAR(16)  NOT NULL,
  -- SHA-256 of the whole key, hex; keys are 256-bit random, so a fast hash is enough
  key_hash      CHAR(64)     NOT NULL,
  created_by    VARCHAR(100) NOT NULL,
  created_at    DATETIME(6)  NOT NULL,
  last_used_at  DATETIME(6)  NULL,
  revoked_at    DATETIME(6)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_api_key_hash UNIQUE (key_hash),
  INDEX ix_api_key_account (account_id),
  CONSTRAINT fk_api_key_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 50;

-- Who changed which webhook and when; before/after are JSON with secrets masked. No foreign key
-- to webhook: the entry of a deletion outlives the webhook.
CREATE TABLE audit_entry (
  id           BIGINT       NOT NULL,
  account_id   VARCHAR(64)  NOT NULL,
  actor        VARCHAR(120) NOT NULL,
  action       VARCHAR(16)  NOT NULL,
  webhook_id   BIGINT       NOT NULL,
  at           DATETIME(6)  NOT NULL,
  before_json  MEDIUMTEXT   NULL,
  after_json   MEDIUMTEXT   NULL,
  PRIMARY KEY (id),
  INDEX ix_audit_entry_account_at (account_id, at),
  INDEX ix_audit_entry_webhook (account_id, webhook_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
