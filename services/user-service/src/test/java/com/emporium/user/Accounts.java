package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Object mother for accounts: registers and logs in real accounts through the API. */
final class Accounts {

    static final String PASSWORD = "a perfectly long password";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** An account and what it logged in with. */
    record Account(UUID id, String email, String password, String accessToken, String refreshToken) {
    }

    private Accounts() {
    }

    static String newEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    static Map<String, Object> registration(String email) {
        return Map.of("email", email, "password", PASSWORD, "displayName", "Test Customer");
    }

    /** Registers and logs in a new customer, from an address of its own so throttles stay out of the way. */
    static Account customer(ApiClient api) {
        String email = newEmail();
        String address = "203.0." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.incrementAndGet() % 250 + 1);
        ApiResponse registered = api.post("/api/auth/register").header("X-Forwarded-For", address)
                .json(registration(email)).send();
        assertThat(registered.status()).isEqualTo(201);
        return login(api, email, PASSWORD, address);
    }

    static Account login(ApiClient api, String email, String password, String address) {
        ApiResponse login = api.post("/api/auth/login").header("X-Forwarded-For", address)
                .json(Map.of("email", email, "password", password)).send();
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Account(UUID.fromString(login.json().get("user").get("id").asString()), email, password,
                login.json().get("accessToken").asString(), login.cookie("emporium_refresh").orElseThrow().value());
    }
}
