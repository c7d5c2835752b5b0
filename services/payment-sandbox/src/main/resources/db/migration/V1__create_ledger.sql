-- Runs as the schema owner. The application role (the ${appRole} placeholder, from DATABASE_URL) may read and
-- write rows but never create, alter or drop anything, and never delete: the ledger only grows.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${appRole}";

-- A card as the sandbox keeps it once tokenized: never its number or its cvc, only what a merchant may see and
-- the behaviour its test number asked for. Tokens are reusable.
CREATE TABLE card_tokens (
    token      text        PRIMARY KEY,
    brand      text        NOT NULL,
    last4      text        NOT NULL,
    exp_month  integer     NOT NULL,
    exp_year   integer     NOT NULL,
    behaviour  text        NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT card_tokens_token_form CHECK (token ~ '^tok_[A-Za-z0-9_]{1,64}$'),
    CONSTRAINT card_tokens_brand_is_known CHECK (brand IN ('visa', 'mastercard', 'amex', 'unknown')),
    CONSTRAINT card_tokens_last4_is_four_digits CHECK (last4 ~ '^[0-9]{4}$'),
    CONSTRAINT card_tokens_exp_month_in_range CHECK (exp_month BETWEEN 1 AND 12),
    CONSTRAINT card_tokens_behaviour_is_known
        CHECK (behaviour IN ('succeeds', 'card-declined', 'insufficient-funds', 'retry-later', 'timeout'))
);

-- Every charge, succeeded or declined, with the Idempotency-Key it was made with (unique: one charge per key,
-- whatever the race) and the SHA-256 of the request, so the same key with another body is recognised.
-- Amounts are integer minor units of currency. A charge never changes but for what has been refunded of it,
-- which only the refunds trigger below moves.
CREATE TABLE charges (
    id              text        PRIMARY KEY,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    status          text        NOT NULL,
    decline_code    text,
    amount          bigint      NOT NULL,
    currency        text        NOT NULL,
    token           text        NOT NULL REFERENCES card_tokens (token),
    card_brand      text        NOT NULL,
    card_last4      text        NOT NULL,
    reference       text        NOT NULL,
    description     text,
    amount_refunded bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    CONSTRAINT charges_idempotency_key_once UNIQUE (idempotency_key),
    CONSTRAINT charges_idempotency_key_form CHECK (idempotency_key ~ '^[\x21-\x7E]{1,255}$'),
    CONSTRAINT charges_status_is_known CHECK (status IN ('succeeded', 'declined')),
    CONSTRAINT charges_decline_code_iff_declined CHECK ((status = 'declined') = (decline_code IS NOT NULL)),
    CONSTRAINT charges_decline_code_is_known CHECK (decline_code IN ('card-declined', 'insufficient-funds')),
    CONSTRAINT charges_amount_in_range CHECK (amount BETWEEN 1 AND 100000000),
    CONSTRAINT charges_currency_is_iso CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT charges_refunds_within_amount CHECK (amount_refunded BETWEEN 0 AND amount),
    CONSTRAINT charges_only_succeeded_are_refunded CHECK (status = 'succeeded' OR amount_refunded = 0)
);
CREATE INDEX charges_created ON charges (created_at DESC, id DESC);
CREATE INDEX charges_reference ON charges (reference, created_at DESC, id DESC);

-- Refunds of a charge, each with its own Idempotency-Key.
CREATE TABLE refunds (
    id              text        PRIMARY KEY,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    charge_id       text        NOT NULL REFERENCES charges (id),
    amount          bigint      NOT NULL,
    currency        text        NOT NULL,
    reason          text,
    created_at      timestamptz NOT NULL,
    CONSTRAINT refunds_idempotency_key_once UNIQUE (idempotency_key),
    CONSTRAINT refunds_idempotency_key_form CHECK (idempotency_key ~ '^[\x21-\x7E]{1,255}$'),
    CONSTRAINT refunds_amount_is_positive CHECK (amount > 0),
    CONSTRAINT refunds_currency_is_iso CHECK (currency ~ '^[A-Z]{3}$')
);
CREATE INDEX refunds_charge ON refunds (charge_id, created_at DESC, id DESC);
CREATE INDEX refunds_created ON refunds (created_at DESC, id DESC);

-- Every refund adds itself to its charge's amount_refunded, in the inserting transaction: the UPDATE waits for
-- any other refund of the charge to commit, and the charge's checks then refuse a refund of a declined charge or
-- one that would take the refunds past the amount charged, whatever the code does.
CREATE FUNCTION add_refund_to_charge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE charges SET amount_refunded = amount_refunded + NEW.amount
     WHERE id = NEW.charge_id AND currency = NEW.currency;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'refund % names no charge % in %', NEW.id, NEW.charge_id, NEW.currency
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER refunds_add_to_charge AFTER INSERT ON refunds
    FOR EACH ROW EXECUTE FUNCTION add_refund_to_charge();

-- How many times each Idempotency-Key has tried the retry-later card: its first attempts answer 503.
CREATE TABLE retry_later_attempts (
    idempotency_key text        PRIMARY KEY,
    attempts        integer     NOT NULL,
    last_attempt_at timestamptz NOT NULL,
    CONSTRAINT retry_later_attempts_positive CHECK (attempts > 0)
);

-- The test cards' ready-made tokens, usable on a fresh database without tokenizing anything.
INSERT INTO card_tokens (token, brand, last4, exp_month, exp_year, behaviour, created_at) VALUES
    ('tok_visa',               'visa',       '4242', 12, 2034, 'succeeds',           now()),
    ('tok_mastercard',         'mastercard', '4444', 12, 2034, 'succeeds',           now()),
    ('tok_declined',           'visa',       '0002', 12, 2034, 'card-declined',      now()),
    ('tok_insufficient_funds', 'visa',       '9995', 12, 2034, 'insufficient-funds', now()),
    ('tok_retry_later',        'visa',       '0119', 12, 2034, 'retry-later',        now()),
    ('tok_timeout',            'visa',       '0077', 12, 2034, 'timeout',            now());

GRANT SELECT, INSERT ON card_tokens, refunds TO "${appRole}";
GRANT SELECT, INSERT ON charges TO "${appRole}";
-- only through the refunds trigger, which runs as the inserting role
GRANT UPDATE (amount_refunded) ON charges TO "${appRole}";
GRANT SELECT, INSERT, UPDATE ON retry_later_attempts TO "${appRole}";
