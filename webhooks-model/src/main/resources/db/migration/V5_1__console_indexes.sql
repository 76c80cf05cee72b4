-- The console's reads: the dashboard samples an account's newest attempts, and the webhook list
-- asks for each webhook's last attempted delivery. Numbered 5.1 so that a V6 from another branch
-- still sorts after it.
CREATE INDEX ix_attempt_account_started ON attempt (account_id, started_at);
CREATE INDEX ix_delivery_webhook_last_attempt ON delivery (webhook_id, last_attempt_at);
