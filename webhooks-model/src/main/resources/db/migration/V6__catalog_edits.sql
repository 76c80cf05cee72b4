-- Operators edit the catalogue in the console (Platform > Event catalogue). Each type remembers
-- who changed it last and when; rows from migrations keep NULL (never edited in the console).
ALTER TABLE event_type
  ADD COLUMN updated_at DATETIME(6)  NULL,
  ADD COLUMN updated_by VARCHAR(120) NULL;
