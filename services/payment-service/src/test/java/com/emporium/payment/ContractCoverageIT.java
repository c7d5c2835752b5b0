package com.emporium.payment;

import com.emporium.test.contract.AbstractContractCoverageIT;
import com.emporium.test.events.EventContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs last: every response documented in contracts/payment-service.yaml was produced by some test above, and every
 * payment event of contracts/events.yaml was published and validated.
 */
class ContractCoverageIT extends AbstractContractCoverageIT {

    ContractCoverageIT() {
        super("payment-service");
    }

    @Test
    void everyPaymentEventWasPublishedAndValidated() {
        Assumptions.assumeTrue(System.getProperty("it.test") == null && System.getProperty("test") == null,
                "a run narrowed to some test classes does not publish every event");

        EventContract.forRepository().assertEveryMessageSeen("payment.");
    }
}
