-- A refresh token issued but never received (its answer was lost, and the token it replaced was presented again
-- within the reuse grace) is kept as superseded rather than deleted: presenting it later means a copy of the old
-- token was used by someone else, which revokes the family like any other reuse.
ALTER TABLE refresh_tokens ADD COLUMN superseded_at timestamptz;
