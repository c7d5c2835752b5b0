-- When the order's OrderCancelled was handled, whatever the reservation's status then. A confirmation handled
-- later (a dead letter replayed after the order was cancelled) must not take stock for a cancelled order.
ALTER TABLE reservations ADD COLUMN order_cancelled_at timestamptz;
