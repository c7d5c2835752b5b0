package com.emporium.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        ClientAddresses addresses = new ClientAddresses(GatewayPropertiesMother.trusting(""));

        assertThat(addresses.resolve("192.0.2.10", List.of("203.0.113.5"))).isEqualTo("192.0.2.10");
    }

    @Test
    void takesTheFirstUntrustedHopFromTheRight() {
        ClientAddresses addresses = new ClientAddresses(GatewayPropertiesMother.trusting("10\\.0\\.0\\.\\d+"));

        assertThat(addresses.resolve("10.0.0.2", List.of("198.51.100.1, 203.0.113.5, 10.0.0.1")))
                .isEqualTo("203.0.113.5");
    }

    @Test
    void readsSeveralHeaderLinesInOrder() {
        ClientAddresses addresses = new ClientAddresses(GatewayPropertiesMother.trusting("10\\.0\\.0\\.\\d+"));

        assertThat(addresses.resolve("10.0.0.2", List.of("198.51.100.1", "203.0.113.5"))).isEqualTo("203.0.113.5");
    }

    @Test
    void stopsAtGarbageWhereAnAddressBelongs() {
        ClientAddresses addresses = new ClientAddresses(GatewayPropertiesMother.trusting("10\\.0\\.0\\.\\d+"));

        assertThat(addresses.resolve("10.0.0.2", List.of("<script>, 10.0.0.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void usesThePeerWithoutForwardedFor() {
        ClientAddresses addresses = new ClientAddresses(GatewayPropertiesMother.trusting("10\\.0\\.0\\.\\d+"));

        assertThat(addresses.resolve("10.0.0.2", null)).isEqualTo("10.0.0.2");
    }
}
