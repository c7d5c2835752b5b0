package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The reuse grace (5 s by default; a minute here, so that no test runs past it): a page reloaded while its refresh
 * was in flight never gets the answer, and presents the token it already exchanged. Within the grace, and while the successor was never used,
 * the session goes on; anything else is still reuse.
 */
@TestPropertySource(properties = "emporium.user.tokens.refresh-reuse-grace=1m")
class RefreshReuseGraceIT extends UserServiceIT {

    private ApiResponse refresh(String refreshToken) {
        return post("/api/auth/refresh").cookie("emporium_refresh", refreshToken).send();
    }

    private static String next(ApiResponse refreshed) {
        assertThat(refreshed.status()).isEqualTo(200);
        return refreshed.cookie("emporium_refresh").orElseThrow().value();
    }

    @Test
    void continuesTheSessionWhenTheSuccessorNeverArrived() {
        Accounts.Account customer = Accounts.customer(api);
        String lost = next(refresh(customer.refreshToken()));

        String again = next(refresh(customer.refreshToken()));

        assertThat(again).isNotEqualTo(lost);
        assertThat(refresh(again).status()).as("the session goes on with the new token").isEqualTo(200);
    }

    /**
     * A thief presents a copy of the old token within the grace and gets the new one; the customer's own successor
     * then comes back, which proves a copy exists: the whole family is revoked, the thief's session with it.
     */
    @Test
    void revokesTheFamilyWhenTheSupersededSuccessorTurnsUpAfterAll() {
        Accounts.Account customer = Accounts.customer(api);
        String customersNext = next(refresh(customer.refreshToken()));
        String thiefs = next(refresh(customer.refreshToken()));

        ApiResponse customerBack = refresh(customersNext);

        assertThat(customerBack.status()).isEqualTo(401);
        assertThat(customerBack.json().get("type").asString()).isEqualTo("urn:problem:emporium:invalid-refresh-token");
        assertThat(refresh(thiefs).status()).as("the thief's session ends with the family").isEqualTo(401);
    }

    @Test
    void stillRevokesTheFamilyOnceTheSuccessorWasUsed() {
        Accounts.Account customer = Accounts.customer(api);
        String second = next(refresh(customer.refreshToken()));
        String third = next(refresh(second));

        ApiResponse replay = refresh(customer.refreshToken());

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("type").asString()).isEqualTo("urn:problem:emporium:invalid-refresh-token");
        assertThat(refresh(third).status()).as("the family is revoked").isEqualTo(401);
    }

    @Test
    void letsTheLostAnswerBeRetriedSeveralTimes() {
        Accounts.Account customer = Accounts.customer(api);
        next(refresh(customer.refreshToken()));
        next(refresh(customer.refreshToken()));
        String third = next(refresh(customer.refreshToken()));

        assertThat(refresh(third).status()).isEqualTo(200);
    }
}
