package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RefreshIT extends UserServiceIT {

    private ApiResponse refresh(String refreshToken) {
        return post("/api/auth/refresh").cookie("emporium_refresh", refreshToken).send();
    }

    @Test
    void rotatesTheRefreshTokenAndIssuesANewAccessToken() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse refreshed = refresh(customer.refreshToken());

        assertThat(refreshed.status()).isEqualTo(200);
        String next = refreshed.cookie("emporium_refresh").orElseThrow().value();
        assertThat(next).isNotEqualTo(customer.refreshToken());
        String accessToken = refreshed.json().get("accessToken").asString();
        assertThat(get("/api/users/me").bearer(accessToken).send().json().get("id").asString())
                .isEqualTo(customer.id().toString());
        assertThat(refresh(next).status()).isEqualTo(200);
    }

    @Test
    void revokesTheWholeFamilyWhenAUsedTokenComesBack() {
        Accounts.Account customer = Accounts.customer(api);
        String second = refresh(customer.refreshToken()).cookie("emporium_refresh").orElseThrow().value();

        ApiResponse replay = refresh(customer.refreshToken());

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("type").asString()).isEqualTo("urn:problem:emporium:invalid-refresh-token");
        assertThat(replay.cookie("emporium_refresh")).hasValueSatisfying(cookie -> assertThat(cookie.clears()).isTrue());
        assertThat(refresh(second).status()).as("the legitimate holder's newer token dies with the family")
                .isEqualTo(401);
    }

    @Test
    void letsOnlyOneOfTwoSimultaneousRefreshesWithOneTokenThrough() throws Exception {
        Accounts.Account customer = Accounts.customer(api);
        Callable<Integer> refresh = () -> refresh(customer.refreshToken()).status();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : threads.invokeAll(List.of(refresh, refresh, refresh))) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(1);
        assertThat(statuses).filteredOn(status -> status == 401).hasSizeGreaterThanOrEqualTo(2);
    }

    /** A thief refreshes a stolen token as fast as it can; the victim's replay must still end the family. */
    @Test
    void revokesTheFamilyEvenWhileAThiefKeepsRefreshing() throws Exception {
        Accounts.Account customer = Accounts.customer(api);
        String stolen = refresh(customer.refreshToken()).cookie("emporium_refresh").orElseThrow().value();
        AtomicReference<String> thiefsLatest = new AtomicReference<>(stolen);
        AtomicBoolean stop = new AtomicBoolean();
        Thread thief = Thread.ofVirtual().start(() -> {
            while (!stop.get()) {
                ApiResponse next = refresh(thiefsLatest.get());
                if (next.status() != 200) {
                    return;
                }
                thiefsLatest.set(next.cookie("emporium_refresh").orElseThrow().value());
            }
        });

        ApiResponse replay = refresh(customer.refreshToken());
        stop.set(true);
        thief.join(Duration.ofSeconds(10));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(refresh(thiefsLatest.get()).status()).as("every token of the family is dead").isEqualTo(401);
    }

    @Test
    void keepsOtherSessionsOfTheSameAccountAlive() {
        Accounts.Account customer = Accounts.customer(api);
        Accounts.Account otherDevice = Accounts.login(api, customer.email(), customer.password(), clientAddress);
        refresh(customer.refreshToken());

        refresh(customer.refreshToken());

        assertThat(refresh(otherDevice.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void refreshesDespiteAStaleAccessTokenSentAlong() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse refreshed = post("/api/auth/refresh").bearer("an.expired.token")
                .cookie("emporium_refresh", customer.refreshToken()).send();

        assertThat(refreshed.status()).isEqualTo(200);
    }

    @Test
    void refusesAMissingOrUnknownCookie() {
        assertThat(post("/api/auth/refresh").send().status()).isEqualTo(401);
        assertThat(refresh("not-a-token-we-ever-issued").status()).isEqualTo(401);
    }

    @Test
    void endsTheSessionOnLogout() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse logout = post("/api/auth/logout").cookie("emporium_refresh", customer.refreshToken()).send();

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.cookie("emporium_refresh")).hasValueSatisfying(cookie -> assertThat(cookie.clears()).isTrue());
        assertThat(refresh(customer.refreshToken()).status()).isEqualTo(401);
    }

    @Test
    void logsOutQuietlyWithoutACookie() {
        assertThat(post("/api/auth/logout").send().status()).isEqualTo(204);
    }

    @Test
    void failsAtOnceForADisabledAccount() {
        Accounts.Account customer = Accounts.customer(api);
        String admin = Accounts.login(api, ADMIN_EMAIL, ADMIN_PASSWORD, clientAddress).accessToken();

        put("/api/users/admin/users/" + customer.id() + "/disable").bearer(admin).send();

        assertThat(refresh(customer.refreshToken()).status()).isEqualTo(401);
    }
}
