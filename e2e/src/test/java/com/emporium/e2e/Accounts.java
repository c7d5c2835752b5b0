package com.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.Map;
import java.util.UUID;

/** Object mother for accounts: real ones, registered and logged in through the gateway. */
public final class Accounts {

    public static final String PASSWORD = "a perfectly long password";
    public static final String REFRESH_COOKIE = "emporium_refresh";

    /** An account and what its login answered. */
    public record Account(UUID id, String email, String password, String accessToken, String refreshToken) {
    }

    private Accounts() {
    }

    public static String newEmail() {
        return "e2e-" + UUID.randomUUID() + "@example.com";
    }

    public static Map<String, Object> registration(String email) {
        return Map.of("email", email, "password", PASSWORD, "displayName", "E2E Customer");
    }

    public static Map<String, Object> credentials(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    /** A new customer, registered and logged in by a client of its own. */
    public static Account customer() {
        ApiClient client = Gateway.client("user-service");
        String email = newEmail();
        ApiResponse registered = client.post("/api/auth/register").json(registration(email)).send();
        assertThat(registered.status()).as("registering %s", registered).isEqualTo(201);
        return login(client, email, PASSWORD);
    }

    /** The platform's first admin, logged in by a client of its own. */
    public static Account admin() {
        Platform platform = Platform.current();
        return login(Gateway.client("user-service"), platform.adminEmail(), platform.adminPassword());
    }

    public static Account login(ApiClient client, String email, String password) {
        ApiResponse login = client.post("/api/auth/login").json(credentials(email, password)).send();
        assertThat(login.status()).as("logging in as %s: %s", email, login).isEqualTo(200);
        return new Account(UUID.fromString(login.json().get("user").get("id").asString()), email, password,
                login.json().get("accessToken").asString(), login.cookie(REFRESH_COOKIE).orElseThrow().value());
    }
}
