package com.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiRequest;
import com.emporium.test.http.ApiResponse;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The table's limits per consumer; the test period is an hour, so no token comes back during a test. */
class RateLimitIT extends GatewayTestBase {

    @ParameterizedTest(name = "{0} allows {1} calls per consumer")
    @CsvSource({"/api/users/me, 60", "/api/orders/1, 30", "/api/payments/p-1, 10"})
    void limitsEachRoutePerTokenSubject(String path, int limit) {
        String token = TOKENS.customer();

        assertAllowedThenLimited(() -> gateway().get(path).bearer(token), limit);
    }

    @Test
    void countsItsVerdictsPerRouteAndKindOfConsumer() {
        String token = TOKENS.customer();
        double allowed = verdicts("payments", "subject", "allowed");
        double limited = verdicts("payments", "subject", "limited");

        assertAllowedThenLimited(() -> gateway().get("/api/payments/p-2").bearer(token), 10);

        assertThat(verdicts("payments", "subject", "allowed") - allowed).isEqualTo(10.0);
        assertThat(verdicts("payments", "subject", "limited") - limited).isEqualTo(1.0);
    }

    @Test
    void limitsAnonymousCatalogReadsPerClientAddress() {
        String client = newClientAddress();

        assertAllowedThenLimited(() -> gateway().get("/api/inventory/products").header("X-Forwarded-For", client), 120);
    }

    @Test
    void givesEachUserTheirOwnBudget() {
        String first = TOKENS.customer();
        String second = TOKENS.customer();
        assertAllowedThenLimited(() -> gateway().get("/api/users/me").bearer(first), 60);

        ApiResponse other = gateway().get("/api/users/me").bearer(second).send();

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("X-RateLimit-Remaining")).hasValue("59");
    }

    @Test
    void givesEachClientAddressItsOwnBudgetOnPublicRoutes() {
        String first = newClientAddress();
        assertAllowedThenLimited(() -> gateway().post("/api/auth/login").header("X-Forwarded-For", first), 60);

        ApiResponse other = gateway().post("/api/auth/login").header("X-Forwarded-For", newClientAddress()).send();

        assertThat(other.status()).isEqualTo(200);
    }

    private double verdicts(String route, String consumer, String outcome) {
        Matcher sample = Pattern.compile("emporium_gateway_ratelimit_requests_total\\{consumer=\"" + consumer
                + "\",outcome=\"" + outcome + "\",route=\"" + route + "\"[^}]*} (\\S+)")
                .matcher(gateway().get("/metrics").send().body());
        assertThat(sample.find()).as("the %s/%s/%s counter", route, consumer, outcome).isTrue();
        return Double.parseDouble(sample.group(1));
    }

    private static void assertAllowedThenLimited(Supplier<ApiRequest> call, int limit) {
        for (int i = 1; i <= limit; i++) {
            ApiResponse response = call.get().send();
            assertThat(response.status()).as("call %d of %d", i, limit).isNotEqualTo(429);
            assertThat(response.header("X-RateLimit-Remaining")).hasValue(Integer.toString(limit - i));
        }
        ApiResponse refused = call.get().send();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:problem:emporium:rate-limited");
        // one token comes back every hour / limit
        long expected = (long) Math.ceil(3600.0 / limit);
        assertThat(refused.header("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(expected - 2, expected));
    }
}
