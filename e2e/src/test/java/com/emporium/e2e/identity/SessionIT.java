package com.emporium.e2e.identity;

import static com.emporium.e2e.Accounts.REFRESH_COOKIE;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Gateway;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import com.emporium.test.http.SetCookie;
import org.junit.jupiter.api.Test;

/**
 * An account's session from register to logout, through the gateway. Every response must also keep
 * user-service's contract: what a browser sees through the gateway is what the service documents.
 */
class SessionIT {

    private final ApiClient browser = Gateway.client("user-service");

    @Test
    void registersAndLogsInWithARefreshCookieOnlyTheAuthPathsSee() {
        String email = Accounts.newEmail();

        ApiResponse registered = browser.post("/api/auth/register").json(Accounts.registration(email)).send();
        ApiResponse login = browser.post("/api/auth/login").json(Accounts.credentials(email, Accounts.PASSWORD)).send();

        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo(email);
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.json().get("accessToken").asString()).isNotBlank();
        assertThat(login.json().get("user").get("id").asString()).isEqualTo(registered.json().get("id").asString());
        SetCookie cookie = login.cookie(REFRESH_COOKIE).orElseThrow();
        assertThat(cookie.path()).hasValue("/api/auth");
        assertThat(cookie.httpOnly()).isTrue();
        assertThat(cookie.secure()).isTrue();
        assertThat(cookie.sameSite()).hasValue("Strict");
    }

    @Test
    void readsTheCallersOwnProfileWithTheAccessToken() {
        Account customer = Accounts.customer();

        ApiResponse profile = browser.get("/api/users/me").bearer(customer.accessToken()).send();

        assertThat(profile.status()).as("%s", profile).isEqualTo(200);
        assertThat(profile.json().get("id").asString()).isEqualTo(customer.id().toString());
        assertThat(profile.json().get("email").asString()).isEqualTo(customer.email());
    }

    @Test
    void refreshesTheAccessTokenWithTheCookieAndRotatesTheCookie() {
        Account customer = Accounts.customer();

        ApiResponse refreshed = browser.post("/api/auth/refresh").cookie(REFRESH_COOKIE, customer.refreshToken()).send();

        assertThat(refreshed.status()).as("%s", refreshed).isEqualTo(200);
        assertThat(refreshed.cookie(REFRESH_COOKIE)).hasValueSatisfying(cookie ->
                assertThat(cookie.value()).isNotEqualTo(customer.refreshToken()));
        String accessToken = refreshed.json().get("accessToken").asString();
        ApiResponse profile = browser.get("/api/users/me").bearer(accessToken).send();
        assertThat(profile.json().get("id").asString()).isEqualTo(customer.id().toString());
    }

    @Test
    void logsOutSoThatTheRefreshCookieNoLongerWorks() {
        Account customer = Accounts.customer();

        ApiResponse logout = browser.post("/api/auth/logout").cookie(REFRESH_COOKIE, customer.refreshToken()).send();

        assertThat(logout.status()).as("%s", logout).isEqualTo(204);
        assertThat(logout.cookie(REFRESH_COOKIE)).hasValueSatisfying(cookie -> assertThat(cookie.clears()).isTrue());
        ApiResponse refresh = browser.post("/api/auth/refresh").cookie(REFRESH_COOKIE, customer.refreshToken()).send();
        assertThat(refresh.status()).as("%s", refresh).isEqualTo(401);
        assertThat(refresh.json().get("type").asString()).isEqualTo("urn:problem:emporium:invalid-refresh-token");
    }
}
