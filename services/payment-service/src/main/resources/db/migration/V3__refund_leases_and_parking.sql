-- Runs as the schema owner. A refund is claimed by one instance for a while (claimed_until, a lease taken in its own
-- short transaction), so that two instances never send it at the same time. A refund the provider refuses for good
-- (a 4xx such as refund-exceeds-charge or an unknown charge) is counted in rejections and, after a few, parked as
-- failed with the provider's answer in failure, for an admin to look at; the payment's refund_status follows it.
ALTER TABLE refunds ADD COLUMN claimed_until timestamptz;
ALTER TABLE refunds ADD COLUMN rejections integer NOT NULL DEFAULT 0;
ALTER TABLE refunds ADD COLUMN failure text;
ALTER TABLE refunds DROP CONSTRAINT refunds_status_is_known;
ALTER TABLE refunds ADD CONSTRAINT refunds_status_is_known CHECK (status IN ('pending', 'succeeded', 'failed'));
ALTER TABLE refunds ADD CONSTRAINT refunds_failure_has_reason CHECK ((status = 'failed') = (failure IS NOT NULL));
ALTER TABLE refunds ADD CONSTRAINT refunds_rejections_not_negative CHECK (rejections >= 0);

ALTER TABLE payments DROP CONSTRAINT payments_refund_status_is_known;
ALTER TABLE payments ADD CONSTRAINT payments_refund_status_is_known
    CHECK (refund_status IN ('none', 'pending', 'refunded', 'failed'));

CREATE INDEX refunds_failed ON refunds (created_at) WHERE status = 'failed';
