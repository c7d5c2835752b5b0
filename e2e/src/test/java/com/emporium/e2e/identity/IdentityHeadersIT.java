package com.emporium.e2e.identity;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Gateway;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import org.junit.jupiter.api.Test;

/** Identity comes from the verified token only: headers a client writes that look like identity change nothing. */
class IdentityHeadersIT {

    private final ApiClient client = Gateway.client();

    @Test
    void answersWithTheTokensAccountWhateverUserIdHeaderIsSent() {
        Account caller = Accounts.customer();
        Account other = Accounts.customer();

        ApiResponse response = client.get("/api/users/me").bearer(caller.accessToken())
                .header("X-User-Id", other.id().toString()).header("X-User-Email", other.email()).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().get("id").asString()).isEqualTo(caller.id().toString());
    }

    @Test
    void keepsACustomerOffAdminRoutesWhateverRolesHeaderIsSent() {
        Account customer = Accounts.customer();

        ApiResponse response = client.get("/api/users/admin/users").bearer(customer.accessToken())
                .header("X-User-Roles", "admin").header("X-User-Id", customer.id().toString()).send();

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void refusesIdentityHeadersWithoutAToken() {
        Account admin = Accounts.admin();

        ApiResponse response = client.get("/api/users/admin/users").header("X-User-Id", admin.id().toString())
                .header("X-User-Roles", "admin").send();

        assertProblem(response, 401, "unauthorized");
    }
}
