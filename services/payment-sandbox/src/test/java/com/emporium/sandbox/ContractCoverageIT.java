package com.emporium.sandbox;

import com.emporium.test.contract.AbstractContractCoverageIT;

/** Runs last: every response documented in contracts/payment-sandbox.yaml was produced by some test above. */
class ContractCoverageIT extends AbstractContractCoverageIT {

    ContractCoverageIT() {
        super("payment-sandbox");
    }
}
