-- Every secret a rotation replaced keeps signing for its own 24 hours, however many rotations
-- follow (the single previous_secret column dropped the first old secret at the second rotation).
-- The application keeps at most five of them (SecretRing.MAX_PREVIOUS).
CREATE TABLE webhook_retired_secret (
  webhook_id  BIGINT        NOT NULL,
  position    INT           NOT NULL,
  secret      VARCHAR(128)  NOT NULL,
  expires_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (webhook_id, position),
  CONSTRAINT fk_webhook_retired_secret_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO webhook_retired_secret (webhook_id, position, secret, expires_at)
  SELECT id, 0, previous_secret, previous_secret_until FROM webhook
  WHERE previous_secret IS NOT NULL AND previous_secret_until IS NOT NULL;

ALTER TABLE webhook
  DROP COLUMN previous_secret,
  DROP COLUMN previous_secret_until;
