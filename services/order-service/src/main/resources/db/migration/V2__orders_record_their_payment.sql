-- The payment that confirmed an order (payment-service's id, from PaymentSucceeded). Set with the step to
-- confirmed and never changed: a second payment of the same order is refunded by payment-service, not recorded.
ALTER TABLE orders ADD COLUMN payment_id uuid;
ALTER TABLE orders ADD CONSTRAINT orders_confirmed_by_a_payment
    CHECK (confirmed_at IS NULL OR payment_id IS NOT NULL) NOT VALID;
