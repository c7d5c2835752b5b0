package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.emporium.test.events.EventContract;
import org.junit.jupiter.api.Test;

/** The repository's event document is one the validator accepts, so every publisher's tests can rely on it. */
class EventsContractTest {

    @Test
    void theRepositorysEventDocumentLoadsUnderTheConventionsTheValidatorChecks() {
        EventContract contract = EventContract.forRepository();

        assertThat(contract.document()).endsWith(Path.of("contracts", "events.yaml"));
        assertThat(contract.documentedRoutingKeys()).allSatisfy(key -> assertThat(key).matches("[a-z]+\\.[a-z-]+"));
    }
}
