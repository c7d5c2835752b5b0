REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${appRole}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${appRole}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${appRole}";

CREATE TABLE deposits (
    id         uuid PRIMARY KEY,
    account_id uuid    NOT NULL,
    amount     bigint  NOT NULL,
    sequence   integer NOT NULL
);
CREATE INDEX deposits_account ON deposits (account_id);

-- no unique key on purpose: a second effect of one event must be visible to the tests
CREATE TABLE effects (
    id         bigserial PRIMARY KEY,
    event_id   uuid    NOT NULL,
    account_id uuid    NOT NULL,
    sequence   integer NOT NULL,
    amount     bigint  NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX effects_event ON effects (event_id);

CREATE TABLE faults (
    account_id uuid PRIMARY KEY
);
