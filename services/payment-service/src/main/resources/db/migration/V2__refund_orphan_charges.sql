-- Runs as the schema owner. A charge the provider made for a payment already given up (failed charge-not-received:
-- its answer came after the abandon window) is an orphan: the payment keeps its failure, records the charge's id,
-- and the charge is refunded in full (reason orphan-charge). So a failed payment may now carry a refund, but only
-- one whose charge is known.
ALTER TABLE payments DROP CONSTRAINT payments_only_succeeded_are_refunded;
ALTER TABLE payments ADD CONSTRAINT payments_only_charged_are_refunded
    CHECK (refund_status = 'none' OR status = 'succeeded' OR (status = 'failed' AND charge_id IS NOT NULL));

ALTER TABLE refunds DROP CONSTRAINT refunds_reason_is_known;
ALTER TABLE refunds ADD CONSTRAINT refunds_reason_is_known
    CHECK (reason IN ('order-cancelled', 'admin', 'orphan-charge'));
