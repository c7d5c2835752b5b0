package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors the framework raises are problem+json with a stable type, like the service's own. */
class ErrorsIT extends UserServiceIT {

    @Test
    void answersAnUnknownPathWith404() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse response = api.unchecked().get("/api/users/nothing-here").bearer(customer.accessToken()).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:not-found");
        assertThat(response.json().get("detail").asString()).doesNotContainIgnoringCase("static");
    }

    @Test
    void answersAnUnknownPathWith401WithoutAToken() {
        ApiResponse response = api.unchecked().get("/api/users/nothing-here").send();

        assertThat(response.status()).as("an anonymous caller learns nothing of what exists").isEqualTo(401);
    }

    @Test
    void answersAWrongMethodWith405() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse response = api.unchecked().request("DELETE", "/api/users/me").bearer(customer.accessToken())
                .send();

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:method-not-allowed");
        assertThat(response.header("Allow")).isPresent();
    }

    @Test
    void answersAnUnparseableIdWith400NamingIt() {
        String admin = Accounts.login(api, ADMIN_EMAIL, ADMIN_PASSWORD, clientAddress).accessToken();
        String user = "/api/users/admin/users/not-a-uuid";

        List<ApiResponse> answers = List.of(get(user).bearer(admin).send(),
                put(user + "/disable").bearer(admin).send(), put(user + "/enable").bearer(admin).send());

        assertThat(answers).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:validation");
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("id");
        });
    }
}
