-- The hot tables draw ids in blocks of 1,000 instead of 50 (allocationSize in Event, Delivery and
-- Attempt): a sequence call per 50 rows was 5-10 % of the intake's and the senders' CPU.
--
-- Hibernate's pooled optimizer hands out (v - 1000, v] for a value v the sequence returns. After
-- the increment changes, the next value may still lie only 50 above the last one handed out, so
-- it is drawn and thrown away here: every later value is at least 1,000 above it, and so every
-- new block lies above all the ids given out before, including the blocks of instances still
-- running the old code (theirs, (v - 50, v], stay inside values their own calls drew).
ALTER SEQUENCE event_seq INCREMENT BY 1000;
SELECT NEXTVAL(event_seq);
ALTER SEQUENCE delivery_seq INCREMENT BY 1000;
SELECT NEXTVAL(delivery_seq);
ALTER SEQUENCE attempt_seq INCREMENT BY 1000;
SELECT NEXTVAL(attempt_seq);
