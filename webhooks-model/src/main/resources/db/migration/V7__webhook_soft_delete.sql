-- Deleting a webhook keeps its delivery history: the webhook row stays, marked deleted (with its
-- title, which the delivery log shows), and is left out of every list, REST and fan-out. The
-- foreign key from delivery cascaded a delete to the deliveries and, through them, to their
-- attempts; it now refuses a delete of a webhook that has deliveries instead. Nothing is deleted
-- here. History is kept until retention (a later change) removes it.
ALTER TABLE webhook ADD COLUMN deleted_at DATETIME(6) NULL;

ALTER TABLE delivery DROP FOREIGN KEY fk_delivery_webhook;
ALTER TABLE delivery
  ADD CONSTRAINT fk_delivery_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id);
