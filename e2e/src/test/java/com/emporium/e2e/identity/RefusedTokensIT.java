package com.emporium.e2e.identity;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.ForgedTokens;
import com.emporium.e2e.Gateway;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * Tokens the gateway must refuse with 401 problem+json. Each forged token is made from a customer's real one
 * so that one thing only is wrong with it; the ones that claim the admin role go to an admin route, where
 * believing them would let a customer in.
 */
class RefusedTokensIT {

    private static final String PROFILE = "/api/users/me";
    private static final String ADMIN_ROUTE = "/api/users/admin/users";

    private final ApiClient client = Gateway.client();
    private final Account customer = Accounts.customer();

    @Test
    void refusesACallWithoutAToken() {
        ApiResponse response = client.get(PROFILE).send();

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void refusesATokenWhosePayloadWasChangedAfterSigning() {
        String tampered = ForgedTokens.tampered(customer.accessToken());

        ApiResponse response = client.get(ADMIN_ROUTE).bearer(tampered).send();

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void refusesAnExpiredTokenSignedWithTheRealKey() {
        String expired = ForgedTokens.expired(customer.accessToken());

        ApiResponse response = client.get(PROFILE).bearer(expired).send();

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void refusesATokenForAnotherAudienceSignedWithTheRealKey() {
        String elsewhere = ForgedTokens.forAudience(customer.accessToken(), "another-api");

        ApiResponse response = client.get(PROFILE).bearer(elsewhere).send();

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() {
        String unsigned = ForgedTokens.unsigned(customer.accessToken());

        ApiResponse response = client.get(ADMIN_ROUTE).bearer(unsigned).send();

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void refusesATokenSignedByAKeyThePlatformNeverPublished() {
        String stranger = ForgedTokens.signedByAnUnknownKey(customer.accessToken());

        ApiResponse response = client.get(ADMIN_ROUTE).bearer(stranger).send();

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void acceptsTheRealTokenItWasForgedFrom() {
        ApiResponse response = client.get(PROFILE).bearer(customer.accessToken()).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }
}
