-- Runs as the schema owner. The application role (the ${appRole} placeholder, from DATABASE_URL) may read and
-- write rows but never create, alter or drop anything. It may delete a payment only (one whose charge surely never
-- reached the provider, so that its Idempotency-Key can be tried again); order facts and refunds are never deleted.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${appRole}";

-- What payment-service knows of an order: from order-service's events, or from its internal API when a payment
-- comes before the order's OrderPlaced. Amounts are integer minor units. The status only moves forward, and
-- cancelled is final (the code keeps that; the checks keep the row sound).
CREATE TABLE order_facts (
    order_id       uuid PRIMARY KEY,
    customer_id    uuid        NOT NULL,
    amount_minor   bigint,
    currency       text,
    payment_due_by timestamptz,
    status         text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT order_facts_status_is_known
        CHECK (status IN ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled')),
    CONSTRAINT order_facts_amount_is_not_negative CHECK (amount_minor >= 0),
    CONSTRAINT order_facts_currency_is_iso CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT order_facts_amount_has_currency CHECK ((amount_minor IS NULL) = (currency IS NULL))
);

-- One attempt to pay an order. Only the charge's outcome and the card's brand and last four digits are kept:
-- never a card number, never the provider's token. request_hash is SHA-256 of the request as read, so that a
-- changed body under the same Idempotency-Key is recognised; the key is released (set NULL) after its retention.
CREATE TABLE payments (
    id                 uuid PRIMARY KEY,
    order_id           uuid        NOT NULL REFERENCES order_facts (order_id),
    customer_id        uuid        NOT NULL,
    amount_minor       bigint      NOT NULL,
    currency           text        NOT NULL,
    status             text        NOT NULL,
    failure_reason     text,
    charge_id          text,
    card_brand         text,
    card_last4         text,
    idempotency_key    text,
    request_hash       bytea,
    refund_status      text        NOT NULL DEFAULT 'none',
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    resolve_attempts   integer     NOT NULL DEFAULT 0,
    last_resolve_at    timestamptz,
    CONSTRAINT payments_status_is_known CHECK (status IN ('processing', 'succeeded', 'failed')),
    CONSTRAINT payments_refund_status_is_known CHECK (refund_status IN ('none', 'pending', 'refunded')),
    CONSTRAINT payments_only_succeeded_are_refunded CHECK (refund_status = 'none' OR status = 'succeeded'),
    CONSTRAINT payments_amount_is_positive CHECK (amount_minor > 0),
    CONSTRAINT payments_currency_is_iso CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT payments_failure_has_reason CHECK ((status = 'failed') = (failure_reason IS NOT NULL)),
    CONSTRAINT payments_success_has_charge CHECK (status <> 'succeeded' OR charge_id IS NOT NULL),
    CONSTRAINT payments_last4_is_four_digits CHECK (card_last4 ~ '^[0-9]{4}$'),
    CONSTRAINT payments_key_has_hash CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)),
    CONSTRAINT payments_key_length CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    CONSTRAINT payments_key_per_customer UNIQUE (customer_id, idempotency_key)
);
-- The database itself keeps an order to one live charge: at most one payment in flight or paid per order.
CREATE UNIQUE INDEX payments_one_live_per_order ON payments (order_id) WHERE status IN ('processing', 'succeeded');
CREATE INDEX payments_customer_created ON payments (customer_id, created_at DESC, id DESC);
CREATE INDEX payments_created ON payments (created_at DESC, id DESC);
CREATE INDEX payments_processing ON payments (created_at) WHERE status = 'processing';
CREATE INDEX payments_keys_created ON payments (created_at) WHERE idempotency_key IS NOT NULL;

-- The full refund of a charged payment: one per payment.
CREATE TABLE refunds (
    id                uuid PRIMARY KEY,
    payment_id        uuid        NOT NULL UNIQUE REFERENCES payments (id),
    amount_minor      bigint      NOT NULL,
    reason            text        NOT NULL,
    status            text        NOT NULL,
    sandbox_refund_id text,
    created_at        timestamptz NOT NULL,
    refunded_at       timestamptz,
    CONSTRAINT refunds_reason_is_known CHECK (reason IN ('order-cancelled', 'admin')),
    CONSTRAINT refunds_status_is_known CHECK (status IN ('pending', 'succeeded')),
    CONSTRAINT refunds_amount_is_positive CHECK (amount_minor > 0),
    CONSTRAINT refunds_success_is_complete
        CHECK ((status = 'succeeded') = (refunded_at IS NOT NULL AND sandbox_refund_id IS NOT NULL))
);
CREATE INDEX refunds_pending ON refunds (created_at) WHERE status = 'pending';

GRANT SELECT, INSERT, UPDATE ON order_facts, refunds TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON payments TO "${appRole}";
