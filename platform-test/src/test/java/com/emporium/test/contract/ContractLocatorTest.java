package com.emporium.test.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractLocatorTest {

    @Test
    void findsTheContractInTheNearestContractsFolderAbove(@TempDir Path repository) throws IOException {
        Path contract = Files.createDirectories(repository.resolve("contracts")).resolve("order-service.yaml");
        Files.writeString(contract, "openapi: 3.0.3\n");
        Path module = Files.createDirectories(repository.resolve("services/order-service"));

        Path found = ContractLocator.locate("order-service", module);

        assertThat(found).isEqualTo(contract.toAbsolutePath().normalize());
    }

    @Test
    void findsAnyDocumentOfTheContractsFolderByItsFileName(@TempDir Path repository) throws IOException {
        Path events = Files.createDirectories(repository.resolve("contracts")).resolve("events.yaml");
        Files.writeString(events, "asyncapi: 3.0.0\n");
        Path module = Files.createDirectories(repository.resolve("platform-test"));

        Path found = ContractLocator.find("events.yaml", module);

        assertThat(found).isEqualTo(events.toAbsolutePath().normalize());
    }

    @Test
    void saysWhereItLookedWhenThereIsNoContract(@TempDir Path module) {
        assertThatIllegalStateException()
                .isThrownBy(() -> ContractLocator.locate("ghost-service", module))
                .withMessageContaining("No contracts/ghost-service.yaml at or above")
                .withMessageContaining(ContractLocator.CONTRACTS_DIR_PROPERTY);
    }

    @Test
    void refusesANameThatIsAPath(@TempDir Path module) {
        assertThatIllegalArgumentException().isThrownBy(() -> ContractLocator.locate("../secrets", module));
        assertThatIllegalArgumentException().isThrownBy(() -> ContractLocator.find("../events.yaml", module));
    }
}
