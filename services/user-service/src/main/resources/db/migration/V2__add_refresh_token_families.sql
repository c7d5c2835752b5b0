-- A family is one login's chain of refresh tokens. Every refresh, reuse check and logout locks its family row
-- first (SELECT ... FOR UPDATE), so a revocation can never miss a successor that a concurrent refresh is still
-- inserting. The family also bounds the session's whole life, however often it is refreshed.
CREATE TABLE refresh_token_families (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX refresh_token_families_user ON refresh_token_families (user_id);
CREATE INDEX refresh_token_families_expires_at ON refresh_token_families (expires_at);

INSERT INTO refresh_token_families (id, user_id, created_at, expires_at, revoked_at)
SELECT family_id,
       (array_agg(user_id))[1],
       min(issued_at),
       max(expires_at),
       CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END
FROM refresh_tokens
GROUP BY family_id;

ALTER TABLE refresh_tokens
    ADD CONSTRAINT refresh_tokens_family_fk FOREIGN KEY (family_id) REFERENCES refresh_token_families (id)
        ON DELETE CASCADE;
