-- Civic Portal schema, version 10: the text of files given with service requests, read once when the file arrives, so
-- that staff search finds requests by what their files say. Runs on H2 2.2 and PostgreSQL 14+ alike.

ALTER TABLE request_attachment ADD COLUMN extracted_text TEXT;
