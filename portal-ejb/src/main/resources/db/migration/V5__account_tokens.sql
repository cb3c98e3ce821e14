-- Civic Portal schema, version 5: one-time tokens for e-mail verification and password reset. Only a SHA-256
-- hash of a token is stored, so a copy of the database cannot be used to verify or reset anything.
ALTER TABLE account ADD COLUMN token_hash VARCHAR(64);
ALTER TABLE account ADD COLUMN token_purpose VARCHAR(20);
ALTER TABLE account ADD COLUMN token_expires TIMESTAMP WITH TIME ZONE;
CREATE INDEX account_token_ix ON account (token_hash);
