package com.emporium.inventory;

import com.emporium.test.contract.AbstractContractCoverageIT;

/** Runs last: every response documented in contracts/inventory-service.yaml was produced by some test above. */
class ContractCoverageIT extends AbstractContractCoverageIT {

    ContractCoverageIT() {
        super("inventory-service");
    }
}
