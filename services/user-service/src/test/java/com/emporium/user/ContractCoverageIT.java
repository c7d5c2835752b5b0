package com.emporium.user;

import com.emporium.test.contract.AbstractContractCoverageIT;

/** Runs last: every response documented in contracts/user-service.yaml was produced by some test above. */
class ContractCoverageIT extends AbstractContractCoverageIT {

    ContractCoverageIT() {
        super("user-service");
    }
}
