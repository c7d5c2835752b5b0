package com.emporium.test.contract;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The last test class of a service's integration suite: fails when a response documented in the service's
 * contract was exercised by no test of the run.
 *
 * <p>A module uses it with one class and one line of configuration:
 * <pre>{@code
 * class ContractCoverageIT extends AbstractContractCoverageIT {
 *     ContractCoverageIT() {
 *         super("user-service");
 *     }
 * }
 * }</pre>
 * and, in {@code src/test/resources/junit-platform.properties},
 * <pre>
 * junit.jupiter.testclass.order.default=org.junit.jupiter.api.ClassOrderer$OrderAnnotation
 * </pre>
 * This class is {@link RunsLast} ({@code @Order(Integer.MAX_VALUE)}, inherited); other classes carry no
 * {@code @Order}, so they keep the default order value and run before it. This needs every IT class in one
 * JUnit run, which the parent POM's failsafe setting (one reused fork) gives.
 *
 * <p>A run narrowed with {@code -Dit.test=...} or {@code -Dtest=...} exercises part of the contract only, so
 * the check is skipped then rather than failed.
 */
@RunsLast
public abstract class AbstractContractCoverageIT {

    private final String service;

    /** @param service the service whose contract, {@code contracts/<service>.yaml}, the suite exercised */
    protected AbstractContractCoverageIT(String service) {
        this.service = service;
    }

    @Test
    public void everyDocumentedResponseIsExercised() {
        Assumptions.assumeTrue(System.getProperty("it.test") == null && System.getProperty("test") == null,
                "a run narrowed to some test classes does not exercise the whole contract");

        ContractRecorder.shared(service).assertEveryDocumentedResponseExercised();
    }
}
