package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminIT extends UserServiceIT {

    private String admin;

    @BeforeEach
    void admin() {
        admin = Accounts.login(api, ADMIN_EMAIL, ADMIN_PASSWORD, clientAddress).accessToken();
    }

    @Test
    void listsUsersPagedAndSorted() {
        Accounts.customer(api);
        Accounts.customer(api);

        ApiResponse page = get("/api/users/admin/users").query("page", 0).query("size", 2)
                .query("sort", "email,asc").bearer(admin).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(2);
        assertThat(page.json().get("size").asInt()).isEqualTo(2);
        assertThat(page.json().get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.json().get("totalPages").asInt())
                .isEqualTo((int) ((page.json().get("totalItems").asLong() + 1) / 2));
        List<String> emails = page.json().get("items").findValuesAsString("email");
        assertThat(emails).isSorted();
    }

    @Test
    void capsThePageSizeAndRefusesAnUnknownSortField() {
        ApiResponse tooBig = get("/api/users/admin/users").query("size", 1000).bearer(admin).send();
        ApiResponse unknownSort = get("/api/users/admin/users").query("sort", "passwordHash").bearer(admin).send();

        assertThat(tooBig.status()).isEqualTo(200);
        assertThat(tooBig.json().get("size").asInt()).isEqualTo(100);
        assertThat(unknownSort.status()).isEqualTo(400);
        assertThat(unknownSort.json().get("errors").findValuesAsString("field")).containsExactly("sort");
    }

    @Test
    void showsOneUserAnd404ForAnUnknownOne() {
        Accounts.Account customer = Accounts.customer(api);

        assertThat(get("/api/users/admin/users/" + customer.id()).bearer(admin).send().json().get("email").asString())
                .isEqualTo(customer.email());
        ApiResponse unknown = get("/api/users/admin/users/" + UUID.randomUUID()).bearer(admin).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:problem:emporium:not-found");
    }

    @Test
    void grantsTheAdminRoleWhichTakesEffectAtTheNextLogin() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse changed = put("/api/users/admin/users/" + customer.id() + "/roles").bearer(admin)
                .json(Map.of("roles", List.of("customer", "admin"))).send();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"customer\",\"admin\"]");
        String promoted = Accounts.login(api, customer.email(), customer.password(), clientAddress).accessToken();
        assertThat(get("/api/users/admin/users").bearer(promoted).send().status()).isEqualTo(200);
    }

    @Test
    void refusesUnknownOrNoRoles() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse unknown = put("/api/users/admin/users/" + customer.id() + "/roles").bearer(admin)
                .json(Map.of("roles", List.of("superuser"))).send();
        ApiResponse none = put("/api/users/admin/users/" + customer.id() + "/roles").bearer(admin)
                .json(Map.of("roles", List.of())).send();

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").findValuesAsString("field")).containsExactly("roles");
    }

    @Test
    void disablesAndEnablesAnAccount() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse disabled = put("/api/users/admin/users/" + customer.id() + "/disable").bearer(admin).send();
        ApiResponse enabled = put("/api/users/admin/users/" + customer.id() + "/enable").bearer(admin).send();

        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
        assertThat(post("/api/auth/login").json(Map.of("email", customer.email(), "password", customer.password()))
                .send().status()).isEqualTo(200);
    }

    @Test
    void refusesToLetAnAdminLockThemselvesOut() {
        String me = get("/api/users/me").bearer(admin).send().json().get("id").asString();

        ApiResponse demoted = put("/api/users/admin/users/" + me + "/roles").bearer(admin)
                .json(Map.of("roles", List.of("customer"))).send();
        ApiResponse disabled = put("/api/users/admin/users/" + me + "/disable").bearer(admin).send();

        assertThat(demoted.status()).isEqualTo(409);
        assertThat(demoted.json().get("type").asString()).isEqualTo("urn:problem:emporium:admin-lockout");
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(get("/api/users/admin/users/" + me).bearer(admin).send().json().get("roles").toString())
                .contains("admin");
    }

    @Test
    void letsAnotherAdminBeDemotedWhileOneRemains() {
        Accounts.Account other = Accounts.customer(api);
        put("/api/users/admin/users/" + other.id() + "/roles").bearer(admin)
                .json(Map.of("roles", List.of("customer", "admin"))).send();

        ApiResponse demoted = put("/api/users/admin/users/" + other.id() + "/roles").bearer(admin)
                .json(Map.of("roles", List.of("customer"))).send();

        assertThat(demoted.status()).isEqualTo(200);
    }

    @Test
    void answers404ForActionsOnAnUnknownUser() {
        String unknown = "/api/users/admin/users/" + UUID.randomUUID();

        assertThat(put(unknown + "/disable").bearer(admin).send().status()).isEqualTo(404);
        assertThat(put(unknown + "/enable").bearer(admin).send().status()).isEqualTo(404);
        assertThat(put(unknown + "/roles").bearer(admin).json(Map.of("roles", List.of("customer"))).send().status())
                .isEqualTo(404);
    }

    @Test
    void keepsCustomersOutOfEveryAdminRoute() {
        Accounts.Account customer = Accounts.customer(api);
        String token = customer.accessToken();
        String user = "/api/users/admin/users/" + customer.id();

        List<ApiResponse> answers = List.of(
                get("/api/users/admin/users").bearer(token).send(),
                get(user).bearer(token).send(),
                put(user + "/roles").bearer(token).json(Map.of("roles", List.of("admin"))).send(),
                put(user + "/disable").bearer(token).send(),
                put(user + "/enable").bearer(token).send(),
                post("/api/users/admin/signing-keys/rotate").bearer(token).send());

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:problem:emporium:forbidden");
        });
    }

    @Test
    void refusesAdminRoutesWithoutAToken() {
        String user = "/api/users/admin/users/" + UUID.randomUUID();

        assertThat(List.of(get("/api/users/admin/users").send(), get(user).send(),
                put(user + "/roles").json(Map.of("roles", List.of("admin"))).send(), put(user + "/disable").send(),
                put(user + "/enable").send(), post("/api/users/admin/signing-keys/rotate").send()))
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(401));
    }
}
