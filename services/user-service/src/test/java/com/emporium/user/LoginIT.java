package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import com.emporium.test.http.SetCookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginIT extends UserServiceIT {

    private String registered() {
        String email = Accounts.newEmail();
        assertThat(post("/api/auth/register").json(Accounts.registration(email)).send().status()).isEqualTo(201);
        return email;
    }

    private ApiResponse login(String email, String password) {
        return post("/api/auth/login").json(Map.of("email", email, "password", password)).send();
    }

    @Test
    void givesAnAccessTokenAndARefreshCookieOnlyForTheAuthEndpoints() {
        String email = registered();

        ApiResponse response = login(email.toUpperCase(), Accounts.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(response.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(response.json().get("accessToken").asString()).hasSizeGreaterThan(100);
        assertThat(response.json().get("user").get("email").asString()).isEqualTo(email);
        SetCookie cookie = response.cookie("emporium_refresh").orElseThrow();
        assertThat(cookie.httpOnly()).isTrue();
        assertThat(cookie.secure()).isTrue();
        assertThat(cookie.sameSite()).hasValue("Strict");
        assertThat(cookie.path()).hasValue("/api/auth");
        assertThat(cookie.maxAge()).hasValue(Duration.ofDays(7));
        assertThat(response.body()).doesNotContain(cookie.value());
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() {
        String email = registered();

        ApiResponse wrongPassword = login(email, "not the password at all");
        ApiResponse unknownEmail = login(Accounts.newEmail(), Accounts.PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("type").asString()).isEqualTo("urn:problem:emporium:invalid-credentials");
        assertThat(unknownEmail.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
        assertThat(wrongPassword.cookie("emporium_refresh")).isEmpty();
    }

    @Test
    void locksAnAccountAfterFiveFailuresEvenForTheRightPassword() {
        String email = registered();
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "wrong password " + i).status()).isEqualTo(401);
        }

        ApiResponse rightPassword = login(email, Accounts.PASSWORD);

        assertThat(rightPassword.status()).isEqualTo(429);
        assertThat(rightPassword.json().get("type").asString()).isEqualTo("urn:problem:emporium:rate-limited");
        long retryAfter = Long.parseLong(rightPassword.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(15).toSeconds());
        assertThat(rightPassword.cookie("emporium_refresh")).isEmpty();
    }

    @Test
    void letsNoMoreThanFiveOfManyParallelGuessesBeChecked() throws Exception {
        String email = registered();
        List<Callable<Integer>> guesses = IntStream.range(0, 12)
                .<Callable<Integer>>mapToObj(i -> () -> api.post("/api/auth/login")
                        .header("X-Forwarded-For", "192.0.2." + (i + 1))
                        .json(Map.of("email", email, "password", "parallel guess " + i)).send().status())
                .toList();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : threads.invokeAll(guesses)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(7);
    }

    @Test
    void forgivesEarlierFailuresAfterASuccessfulLogin() {
        String email = registered();
        for (int i = 0; i < 4; i++) {
            assertThat(login(email, "wrong password " + i).status()).isEqualTo(401);
        }
        assertThat(login(email, Accounts.PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(login(email, "wrong again " + i).status()).isEqualTo(401);
        }
        assertThat(login(email, Accounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void throttlesTheTwentyFirstAttemptOfAMinuteFromOneAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(login(Accounts.newEmail(), "whatever password").status()).isEqualTo(401);
        }

        ApiResponse twentyFirst = login(Accounts.newEmail(), "whatever password");

        assertThat(twentyFirst.status()).isEqualTo(429);
        assertThat(Long.parseLong(twentyFirst.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    @Test
    void refusesADisabledAccount() {
        Accounts.Account customer = Accounts.customer(api);
        String admin = Accounts.login(api, ADMIN_EMAIL, ADMIN_PASSWORD, clientAddress).accessToken();
        assertThat(put("/api/users/admin/users/" + customer.id() + "/disable").bearer(admin).send().status())
                .isEqualTo(200);

        ApiResponse response = login(customer.email(), customer.password());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void refusesAnInvalidBody() {
        ApiResponse response = post("/api/auth/login").json(Map.of("email", "")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("email", "password");
    }
}
