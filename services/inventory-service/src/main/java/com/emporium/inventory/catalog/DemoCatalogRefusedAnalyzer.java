package com.emporium.inventory.catalog;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, in Spring Boot's "APPLICATION FAILED TO START" report, why and what to do. */
public final class DemoCatalogRefusedAnalyzer extends AbstractFailureAnalyzer<DemoCatalogRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoCatalogRefused cause) {
        return new FailureAnalysis(cause.getMessage(), "Unset DEMO_CATALOG (or set it to false) in this environment, "
                + "or run without the '" + DemoCatalog.PRODUCTION_PROFILE + "' profile.", cause);
    }
}
