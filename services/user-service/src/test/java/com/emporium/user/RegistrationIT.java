package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationIT extends UserServiceIT {

    @Test
    void registersACustomerWithANormalizedEmail() {
        String email = Accounts.newEmail();

        ApiResponse response = post("/api/auth/register")
                .json(Map.of("email", email.toUpperCase(), "password", Accounts.PASSWORD,
                        "displayName", " Ann "))
                .send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).contains("/api/users/me");
        assertThat(response.json().get("email").asString()).isEqualTo(email);
        assertThat(response.json().get("displayName").asString()).isEqualTo("Ann");
        assertThat(response.json().get("roles").toString()).isEqualTo("[\"customer\"]");
        assertThat(response.json().has("passwordHash")).isFalse();
        assertThat(storedAccounts(email)).isEqualTo(1);
    }

    @Test
    void refusesASecondAccountForTheSameEmailWhateverItsCase() {
        String email = Accounts.newEmail();
        post("/api/auth/register").json(Accounts.registration(email)).send();

        ApiResponse again = post("/api/auth/register").json(Accounts.registration(email.toUpperCase())).send();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(again.json().get("type").asString()).isEqualTo("urn:problem:emporium:email-taken");
        assertThat(storedAccounts(email)).isEqualTo(1);
    }

    @Test
    void namesEveryInvalidFieldAndStoresNothing() {
        String email = "not-an-email";

        ApiResponse response = post("/api/auth/register")
                .json(Map.of("email", email, "password", "short", "displayName", ""))
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:validation");
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("displayName", "email", "password");
        assertThat(storedAccounts(email)).isZero();
    }

    @Test
    void refusesMissingFields() {
        ApiResponse response = post("/api/auth/register").json(Map.of("email", Accounts.newEmail())).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("displayName", "password");
    }

    @Test
    void refusesMalformedJson() {
        ApiResponse response = post("/api/auth/register").body("application/json", "{\"email\": ").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:malformed-body");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingTheField() {
        String email = Accounts.newEmail();

        ApiResponse response = post("/api/auth/register")
                .json(Map.of("email", email, "password", 123456789012345L, "displayName", "Ann"))
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("password");
        assertThat(storedAccounts(email)).isZero();
    }

    @Test
    void refusesAnEmailOfTenThousandCharacters() {
        String email = "a".repeat(10_000) + "@example.com";

        ApiResponse response = post("/api/auth/register").json(Accounts.registration(email)).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("email");
        assertThat(storedAccounts(email)).isZero();
    }

    @Test
    void refusesABodyOfOneMegabyteWith413() {
        String email = Accounts.newEmail();
        String huge = "x".repeat(1024 * 1024);

        ApiResponse response = post("/api/auth/register")
                .json(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", huge))
                .send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:payload-too-large");
        assertThat(storedAccounts(email)).isZero();
    }

    @Test
    void refusesAnotherMediaTypeWith415() {
        ApiResponse response = post("/api/auth/register").body("text/plain", "email=a@b.c").send();

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:unsupported-media-type");
    }

    @Test
    void throttlesRegistrationsFromOneAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/auth/register").json(Accounts.registration(Accounts.newEmail())).send().status())
                    .isEqualTo(201);
        }
        String email = Accounts.newEmail();

        ApiResponse eleventh = post("/api/auth/register").json(Accounts.registration(email)).send();

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(eleventh.json().get("type").asString()).isEqualTo("urn:problem:emporium:rate-limited");
        assertThat(storedAccounts(email)).isZero();
    }

    static int storedAccounts(String email) {
        try (Connection connection = DATABASE.connectAsApp();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM users WHERE email = ?")) {
            query.setString(1, email.toLowerCase());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
