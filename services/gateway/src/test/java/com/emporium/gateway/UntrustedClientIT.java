package com.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** No proxy is trusted here (the default): whatever X-Forwarded-For a client writes changes nothing. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "GATEWAY_TRUSTED_PROXIES=")
class UntrustedClientIT extends GatewayTestBase {

    @Test
    void forwardsTheConnectionsAddressNotTheOneTheClientClaims() {
        ApiResponse response = gateway().get("/api/users/me").bearer(TOKENS.customer())
                .header("X-Forwarded-For", "198.51.100.77").send();

        assertThat(response.json().path("headers").path("x-forwarded-for").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void aSpoofedAddressBuysNoFreshBudget() {
        ApiResponse first = gateway().get("/api/inventory/products").header("X-Forwarded-For", "198.51.100.1").send();
        int before = Integer.parseInt(first.header("X-RateLimit-Remaining").orElseThrow());

        ApiResponse last = first;
        for (int i = 2; i <= 30; i++) {
            // a new made-up address on every call: if the gateway believed it, each would start a full bucket
            last = gateway().get("/api/inventory/products").header("X-Forwarded-For", "198.51.100." + i).send();
            assertThat(last.status()).isEqualTo(200);
        }

        // every call spent from the one bucket of the connection's real address
        assertThat(last.header("X-RateLimit-Remaining")).hasValue(Integer.toString(before - 29));
    }
}
