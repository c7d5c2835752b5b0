package com.emporium.e2e.identity;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Gateway;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import org.junit.jupiter.api.Test;

/** Admin routes ({@code /api/<area>/admin/**}) through the gateway: the admin role only. */
class AdminRoutesIT {

    private static final String ACCOUNTS = "/api/users/admin/users";

    private final ApiClient client = Gateway.client();

    @Test
    void refusesACustomerOnAnAdminRoute() {
        Account customer = Accounts.customer();

        ApiResponse response = client.get(ACCOUNTS).bearer(customer.accessToken()).send();

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void refusesACustomerOnAnAdminRouteWhateverTheMethod() {
        Account customer = Accounts.customer();

        ApiResponse response = client.put(ACCOUNTS + "/" + customer.id() + "/roles").bearer(customer.accessToken())
                .json("{\"roles\":[\"customer\",\"admin\"]}").send();

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void letsAnAdminThroughToAnAdminRoute() {
        Account admin = Accounts.admin();

        ApiResponse response = client.get(ACCOUNTS).query("size", 1).bearer(admin.accessToken()).send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().get("items").isArray()).isTrue();
    }
}
