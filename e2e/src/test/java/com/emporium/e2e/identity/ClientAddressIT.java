package com.emporium.e2e.identity;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Gateway;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * user-service throttles logins per client address (LOGIN_ADDRESS_LIMIT, 20 a minute by default). Through the
 * gateway it must see each client's own address, which the gateway relays, not the gateway's: otherwise one
 * client's failed guesses would lock everybody out. And a client cannot pick the address it is counted as.
 */
class ClientAddressIT {

    /** More than any per-address login limit the platform would run with, and well inside the gateway's 60. */
    private static final int ENOUGH_ATTEMPTS = 40;

    @Test
    void throttlesLoginsOfOneClientAddressOnly() {
        Account customer = Accounts.customer();
        ApiClient first = Gateway.client();
        ApiClient second = Gateway.client();

        ApiResponse throttled = loginUntilThrottled(first, customer);
        ApiResponse fromElsewhere = login(second, customer);

        JsonNode problem = assertProblem(throttled, 429, "rate-limited");
        assertThat(problem.get("detail").asString()).as("user-service's login throttle, not the gateway's limit")
                .contains("login attempts from your address");
        assertThat(fromElsewhere.status()).as("%s", fromElsewhere).isEqualTo(200);
    }

    @Test
    void countsAClientByItsConnectionWhateverXForwardedForItSends() {
        Account customer = Accounts.customer();
        InetAddress throttledAddress = Gateway.nextAddress();
        loginUntilThrottled(Gateway.client().from(throttledAddress), customer);
        ApiClient other = Gateway.client();

        ApiResponse response = other.post("/api/auth/login")
                .header("X-Forwarded-For", throttledAddress.getHostAddress())
                .json(Accounts.credentials(customer.email(), customer.password())).send();

        assertThat(response.status()).as("a client that claims to be the throttled address: %s", response)
                .isEqualTo(200);
    }

    private static ApiResponse loginUntilThrottled(ApiClient client, Account customer) {
        for (int attempt = 1; attempt <= ENOUGH_ATTEMPTS; attempt++) {
            ApiResponse response = login(client, customer);
            if (response.status() != 200) {
                return response;
            }
        }
        throw new AssertionError("no login of " + ENOUGH_ATTEMPTS + " from one address was throttled");
    }

    private static ApiResponse login(ApiClient client, Account customer) {
        return client.post("/api/auth/login").json(Accounts.credentials(customer.email(), customer.password())).send();
    }
}
