package com.emporium.test.contract;

/**
 * The kit used as a service suite uses it. Failsafe lists this class first (alphabetical run order, see the
 * POM), so it passes only if the class orderer runs it after both widget ITs.
 */
class ContractCoverageIT extends AbstractContractCoverageIT {

    ContractCoverageIT() {
        super(SampleContract.SERVICE);
    }
}
