package com.emporium.inventory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DemoCatalogRefusedAnalyzerTest {

    @Test
    void explainsTheRefusalAndWhatToDoWhereverItIsWrapped() {
        DemoCatalogRefused refused = new DemoCatalogRefused("production");

        FailureAnalysis analysis = new DemoCatalogRefusedAnalyzer()
                .analyze(new BeanCreationException("demoCatalog", "Constructor threw exception", refused));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("demo catalog is enabled", "'production' profile");
        assertThat(analysis.getAction()).contains("Unset DEMO_CATALOG");
    }
}
