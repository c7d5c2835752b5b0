-- Runs as the schema owner. The application role (the ${appRole} placeholder, from DATABASE_URL) may read and
-- write rows but never create, alter or drop anything; orders are never deleted, so it may not delete them.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${appRole}";

-- An order and its status. Amounts are integer minor units of currency. The status machine lives in the code
-- (Transition); the checks here keep a row from ever naming a status, reason or time it cannot have.
CREATE TABLE orders (
    id                  uuid PRIMARY KEY,
    customer_id         uuid        NOT NULL,
    status              text        NOT NULL,
    total_amount        bigint      NOT NULL,
    currency            text        NOT NULL,
    ship_name           text        NOT NULL,
    ship_line1          text        NOT NULL,
    ship_line2          text,
    ship_city           text        NOT NULL,
    ship_postal_code    text        NOT NULL,
    ship_region         text,
    ship_country        text        NOT NULL,
    payment_due_by      timestamptz NOT NULL,
    placed_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    confirmed_at        timestamptz,
    shipped_at          timestamptz,
    delivered_at        timestamptz,
    cancelled_at        timestamptz,
    cancellation_reason text,
    CONSTRAINT orders_status_is_known
        CHECK (status IN ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled')),
    CONSTRAINT orders_total_is_not_negative CHECK (total_amount >= 0),
    CONSTRAINT orders_currency_is_iso CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT orders_country_is_iso CHECK (ship_country ~ '^[A-Z]{2}$'),
    CONSTRAINT orders_cancellation_is_complete CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)
        AND (cancelled_at IS NULL) = (cancellation_reason IS NULL)),
    CONSTRAINT orders_cancellation_reason_is_known
        CHECK (cancellation_reason IN ('customer', 'payment-expired', 'admin'))
);
-- a customer's orders, newest first; every order, newest first (the admin list)
CREATE INDEX orders_customer_placed ON orders (customer_id, placed_at DESC, id DESC);
CREATE INDEX orders_placed ON orders (placed_at DESC, id DESC);
-- the payment-expiry job and the per-customer cap only ever look at pending orders
CREATE INDEX orders_pending_due ON orders (payment_due_by) WHERE status = 'pending';
CREATE INDEX orders_pending_customer ON orders (customer_id) WHERE status = 'pending';

-- What was ordered, at the price inventory reserved it for.
CREATE TABLE order_lines (
    order_id   uuid    NOT NULL REFERENCES orders (id),
    line_no    integer NOT NULL,
    product_id uuid    NOT NULL,
    sku        text    NOT NULL,
    name       text    NOT NULL,
    quantity   integer NOT NULL,
    unit_price bigint  NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_product_once UNIQUE (order_id, product_id),
    CONSTRAINT order_lines_quantity_in_range CHECK (quantity BETWEEN 1 AND 1000),
    CONSTRAINT order_lines_price_is_not_negative CHECK (unit_price >= 0)
);

-- The Idempotency-Keys of POST /api/orders, per customer, with the first answer, written in the transaction
-- that created the order. request_hash is SHA-256 of the request as read, so a changed body is recognised.
CREATE TABLE idempotency_keys (
    customer_id     uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    order_id        uuid        NOT NULL REFERENCES orders (id),
    response_status integer     NOT NULL,
    response_body   text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (customer_id, idempotency_key),
    CONSTRAINT idempotency_keys_key_length CHECK (length(idempotency_key) BETWEEN 1 AND 200)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

GRANT SELECT, INSERT, UPDATE ON orders, order_lines TO "${appRole}";
GRANT SELECT, INSERT, DELETE ON idempotency_keys TO "${appRole}";
