-- The event backbone's tables, migrated by the platform's own Flyway history (emporium_events_schema_history)
-- beside the service's: the service's migrations and these never share a version number. Runs as the schema
-- owner; the application role (${appRole}) gets exactly the row access the backbone needs.

-- Events waiting to be published, in the order they were written. The relay locks the oldest unsent row of each
-- aggregate (SKIP LOCKED), so several relays never publish the same row at once and an aggregate's events keep
-- their order. body is the complete message body, exactly as it is sent.
CREATE TABLE event_outbox (
    position     bigserial PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    event_type   text        NOT NULL,
    routing_key  text        NOT NULL,
    aggregate_id text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    body         text        NOT NULL,
    headers      jsonb       NOT NULL,
    sent_at      timestamptz
);
CREATE INDEX event_outbox_unsent ON event_outbox (position) WHERE sent_at IS NULL;
CREATE INDEX event_outbox_unsent_by_aggregate ON event_outbox (aggregate_id, position) WHERE sent_at IS NULL;
CREATE INDEX event_outbox_sent_at ON event_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- The events each subscription has handled, written in the transaction of the handler's effect: a redelivered or
-- duplicated event finds its id here and has no second effect.
CREATE TABLE event_inbox (
    subscription text        NOT NULL,
    event_id     uuid        NOT NULL,
    handled_at   timestamptz NOT NULL,
    PRIMARY KEY (subscription, event_id)
);
CREATE INDEX event_inbox_handled_at ON event_inbox (handled_at);

-- Messages the consumers gave up on, moved here from the dead-letter queues so that an admin can page through
-- them, replay them or discard them.
CREATE TABLE event_dead_letter (
    id               uuid PRIMARY KEY,
    queue            text        NOT NULL,
    message_id       text        NOT NULL,
    event_type       text,
    routing_key      text,
    aggregate_id     text,
    reason           text        NOT NULL,
    attempts         integer     NOT NULL,
    dead_lettered_at timestamptz NOT NULL,
    replays          integer     NOT NULL DEFAULT 0,
    properties       jsonb       NOT NULL,
    headers          jsonb       NOT NULL,
    body             bytea       NOT NULL,
    CONSTRAINT event_dead_letter_once UNIQUE (queue, message_id)
);
CREATE INDEX event_dead_letter_dead_lettered_at ON event_dead_letter (dead_lettered_at, id);

GRANT USAGE ON SCHEMA public TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON event_outbox, event_inbox, event_dead_letter TO "${appRole}";
GRANT USAGE ON SEQUENCE event_outbox_position_seq TO "${appRole}";
