-- Runs as the schema owner. The application role (the ${appRole} placeholder, from DATABASE_URL) gets, table by
-- table, only the row access the service uses (grants at the end): never DDL, and no DELETE anywhere, since
-- nothing the service owns is ever deleted (a reservation is released, not removed).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${appRole}";

-- The catalog. sku is the human key (upper case, unique); price in minor units of the store currency; version
-- is the optimistic lock that If-Match names (every admin write adds one). search is what the text search reads:
-- the name weighs more than the description.
CREATE TABLE products (
    id          uuid PRIMARY KEY,
    sku         text        NOT NULL,
    name        text        NOT NULL,
    description text        NOT NULL,
    price_minor bigint      NOT NULL,
    category    text        NOT NULL,
    image       text        NOT NULL,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    search      tsvector    GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', name), 'A') ||
                    setweight(to_tsvector('english', description), 'B')) STORED,
    CONSTRAINT products_sku_format CHECK (sku ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' AND length(sku) BETWEEN 3 AND 32),
    CONSTRAINT products_price_positive CHECK (price_minor > 0),
    CONSTRAINT products_category_format CHECK (category ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(category) <= 40),
    CONSTRAINT products_version_positive CHECK (version >= 1)
);
-- text_pattern_ops: the same index answers the unique check and the search's "sku starts with" (LIKE 'AB%')
CREATE UNIQUE INDEX products_sku_key ON products (sku text_pattern_ops);
CREATE INDEX products_category ON products (category, name, id);
CREATE INDEX products_name ON products (name, id);
CREATE INDEX products_price ON products (price_minor, id);
CREATE INDEX products_search ON products USING gin (search);

-- Stock, in a table of its own: reservations update these narrow rows many times a second and never touch the
-- product row (nor its search vector). available is never negative, and neither is anything else: the database
-- refuses a change that would oversell, whatever the code above it does.
CREATE TABLE product_stock (
    product_id uuid PRIMARY KEY REFERENCES products (id),
    on_hand    integer NOT NULL,
    reserved   integer NOT NULL DEFAULT 0,
    available  integer GENERATED ALWAYS AS (on_hand - reserved) STORED,
    CONSTRAINT product_stock_on_hand_not_negative CHECK (on_hand >= 0),
    CONSTRAINT product_stock_reserved_not_negative CHECK (reserved >= 0),
    CONSTRAINT product_stock_available_not_negative CHECK (available >= 0)
);

-- Every admin stock adjustment, with who made it and the stock it left: stock that changes without an order
-- can be accounted for.
CREATE TABLE stock_adjustments (
    id             uuid PRIMARY KEY,
    product_id     uuid        NOT NULL REFERENCES products (id),
    delta          integer     NOT NULL,
    on_hand_after  integer     NOT NULL,
    reserved_at    integer     NOT NULL,
    adjusted_by    text        NOT NULL,
    adjusted_at    timestamptz NOT NULL,
    CONSTRAINT stock_adjustments_delta_not_zero CHECK (delta <> 0)
);
CREATE INDEX stock_adjustments_product ON stock_adjustments (product_id, adjusted_at);

-- One reservation per order (order-service generates the id before it reserves, so a retry finds this row).
-- held: its quantities count in product_stock.reserved; committed: they left on_hand when the order was
-- confirmed; released / expired: given back. Prices are the products' prices when it was made.
CREATE TABLE reservations (
    order_id    uuid PRIMARY KEY,
    status      text        NOT NULL,
    currency    text        NOT NULL,
    total_minor bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT reservations_status_known CHECK (status IN ('held', 'committed', 'released', 'expired')),
    CONSTRAINT reservations_total_not_negative CHECK (total_minor >= 0)
);
-- the expiry job's scan: only held reservations, oldest deadline first
CREATE INDEX reservations_held_expiry ON reservations (expires_at) WHERE status = 'held';

CREATE TABLE reservation_lines (
    order_id         uuid    NOT NULL REFERENCES reservations (order_id),
    product_id       uuid    NOT NULL REFERENCES products (id),
    sku              text    NOT NULL,
    name             text    NOT NULL,
    quantity         integer NOT NULL,
    unit_price_minor bigint  NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT reservation_lines_quantity_range CHECK (quantity BETWEEN 1 AND 1000),
    CONSTRAINT reservation_lines_price_positive CHECK (unit_price_minor > 0)
);
CREATE INDEX reservation_lines_product ON reservation_lines (product_id);

GRANT SELECT, INSERT, UPDATE ON products, product_stock, reservations TO "${appRole}";
GRANT SELECT, INSERT ON stock_adjustments, reservation_lines TO "${appRole}";
