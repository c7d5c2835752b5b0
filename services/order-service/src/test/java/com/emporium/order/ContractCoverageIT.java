package com.emporium.order;

import com.emporium.test.contract.AbstractContractCoverageIT;

/** Runs last: every response documented in contracts/order-service.yaml was produced by some test above. */
class ContractCoverageIT extends AbstractContractCoverageIT {

    ContractCoverageIT() {
        super("order-service");
    }
}
