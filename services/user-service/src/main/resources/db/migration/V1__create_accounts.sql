-- Runs as the schema owner. The application role (the ${appRole} placeholder, from DATABASE_URL) may read and
-- write rows but never create, alter or drop anything.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${appRole}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${appRole}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${appRole}";

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL,
    disabled_at   timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT users_email_is_normalized CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    CONSTRAINT users_roles_are_known CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['customer', 'admin']::text[])
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_created_at ON users (created_at, id);

-- Refresh tokens are stored as SHA-256 hashes. A family is one login's chain of rotations: reusing a token
-- that was already rotated revokes the whole family.
CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY,
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

-- Token signing keys, shared by every replica. The private part is encrypted (AES-256-GCM) with a key from
-- the environment. Exactly one key is current (not retired); retired keys stay in the JWKS for a while.
CREATE TABLE signing_keys (
    kid                   text PRIMARY KEY,
    algorithm             text        NOT NULL,
    public_key            bytea       NOT NULL,
    private_key_encrypted bytea       NOT NULL,
    created_at            timestamptz NOT NULL,
    retired_at            timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
