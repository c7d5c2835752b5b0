package com.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.http.ApiResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RoutingIT extends GatewayTestBase {

    @Test
    void routesEachPrefixToItsService() {
        String token = TOKENS.customer();

        assertThat(gateway().get("/api/users/me").bearer(token).send().json().path("path").asString())
                .isEqualTo("/api/users/me");
        assertThat(gateway().get("/api/inventory/products").send().json().path("path").asString())
                .isEqualTo("/api/inventory/products");
        assertThat(gateway().get("/api/orders/42").bearer(token).send().json().path("path").asString())
                .isEqualTo("/api/orders/42");
        assertThat(gateway().post("/api/auth/login").json(Map.of("email", "a@example.com")).send()
                .json().path("method").asString()).isEqualTo("POST");
    }

    @Test
    void routesAnAdminsDiscardOfADeadLetterButNoOtherDelete() {
        JsonNode discard = gateway().request("DELETE", "/api/orders/admin/dead-letters/7").bearer(TOKENS.admin())
                .send().json();
        assertThat(discard.path("method").asString()).isEqualTo("DELETE");
        assertThat(discard.path("path").asString()).isEqualTo("/api/orders/admin/dead-letters/7");
        assertThat(gateway().request("DELETE", "/api/inventory/admin/dead-letters/7").bearer(TOKENS.admin()).send()
                .json().path("path").asString()).isEqualTo("/api/inventory/admin/dead-letters/7");

        assertThat(gateway().request("DELETE", "/api/orders/admin/dead-letters/7").bearer(TOKENS.customer()).send()
                .status()).isEqualTo(403);
        assertThat(gateway().request("DELETE", "/api/orders/42").bearer(TOKENS.admin()).send().status())
                .isEqualTo(404);
        assertThat(gateway().request("DELETE", "/api/inventory/admin/products/7").bearer(TOKENS.admin()).send()
                .status()).isEqualTo(404);
    }

    @Test
    void countsEachRequestUnderItsRoutesTemplateNeverItsPath() {
        gateway().get("/api/users/me").bearer(TOKENS.customer()).send();
        gateway().get("/api/orders/42").send();

        String metrics = gateway().get("/metrics").send().body();

        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*"
                        + "uri=\"/api/users/\\*\\*\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*"
                        + "uri=\"/api/orders/\\*\\*\"")
                .doesNotContain("uri=\"/api/users/me\"").doesNotContain("uri=\"/api/orders/42\"");
    }

    @Test
    void relaysTheTokenUnchanged() {
        String token = TOKENS.customer();

        JsonNode echo = gateway().get("/api/users/me").bearer(token).send().json();

        assertThat(echo.path("headers").path("authorization").asString()).isEqualTo("Bearer " + token);
    }

    @Test
    void dropsIdentityHeadersAClientSends() {
        ApiResponse response = gateway().get("/api/users/me").bearer(TOKENS.customer())
                .header("X-User-Id", "someone-else").header("X-User-Roles", "admin")
                .header("X-Auth-User", "root").header("X-Forwarded-User", "root").header("X-Roles", "admin")
                .header("X-Authenticated-Userid", "root").header("X-Real-IP", "10.9.9.9")
                .send();

        JsonNode headers = response.json().path("headers");
        assertThat(response.status()).isEqualTo(200);
        assertThat(headers.propertyNames()).doesNotContain("x-user-id", "x-user-roles", "x-auth-user",
                "x-forwarded-user", "x-roles", "x-authenticated-userid", "x-real-ip");
    }

    @Test
    void forwardsTheClientAddressATrustedProxyReported() {
        ApiResponse response = gateway().get("/api/users/me").bearer(TOKENS.customer())
                .header("X-Forwarded-For", "198.51.100.7, 203.0.113.9").send();

        // 198.51.100.7 was written by the client itself; the trusted proxy vouches only for 203.0.113.9
        assertThat(response.json().path("headers").path("x-forwarded-for").asString()).isEqualTo("203.0.113.9");
    }

    @Test
    void neverRoutesInternalEndpoints() {
        ApiResponse response = gateway().get("/internal/orders/1/reserve").bearer(TOKENS.admin()).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:not-found");
    }

    @Test
    void answersAServiceNotBuiltYetWith503AndRetryAfterAtOnce() {
        long started = System.nanoTime();

        ApiResponse response = gateway().get("/api/payments/p-1").bearer(TOKENS.customer()).send();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:service-unavailable");
    }

    @Test
    void answersAKilledUpstreamWith503WithinASecondAndRecoversWhenItIsBack() {
        // a fresh token per call: the calls here must not run into the route's limit of 30 per consumer
        assertThat(gateway().get("/api/orders/1").bearer(TOKENS.customer()).send().status()).isEqualTo(200);

        ORDERS.cut();
        try {
            boolean breakerOpened = false;
            // the breaker judges the last 20 calls, earlier tests' successes included: at most 20 failures open it
            for (int i = 0; i < 25 && !breakerOpened; i++) {
                long started = System.nanoTime();
                ApiResponse response = gateway().get("/api/orders/1").bearer(TOKENS.customer()).send();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.header("Retry-After")).isPresent();
                assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:service-unavailable");
                breakerOpened = response.json().path("detail").asString().contains("circuit breaker is open");
            }
            assertThat(breakerOpened).as("the circuit breaker opened").isTrue();
        } finally {
            ORDERS.restore();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(gateway().get("/api/orders/1").bearer(TOKENS.customer()).send().status()).isEqualTo(200));
    }

    @Test
    void answersAnUpstreamThatResetsTheConnectionMidRequestWith503() {
        ApiResponse response = gateway().get("/api/users/reset").bearer(TOKENS.customer()).send();

        assertThat(response.status()).as("%s", response).isEqualTo(503);
        assertThat(response.header("Retry-After")).isPresent();
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:service-unavailable");
    }

    @Test
    void answersASlowUpstreamWith504() {
        ApiResponse response = gateway().get("/api/users/slow").bearer(TOKENS.customer()).send();

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:gateway-timeout");
    }

    @Test
    void servesAHundredConcurrentCallsInFlightWithoutAnError() throws Exception {
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < Upstream.HOLD_TARGET; c++) {
            String token = TOKENS.customer();
            clients.add(() -> {
                int ok = 0;
                for (int i = 0; i < 5; i++) {
                    if (gateway().get("/api/users/concurrent").bearer(token).send().status() == 200) {
                        ok++;
                    }
                }
                return ok;
            });
        }

        int ok = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> result : pool.invokeAll(clients)) {
                ok += result.get();
            }
        }

        assertThat(ok).isEqualTo(5 * Upstream.HOLD_TARGET);
        // the upstream held the first calls until all 100 were in flight at once: no bulkhead of 25 in the way
        assertThat(UPSTREAM.peakInFlight()).isGreaterThanOrEqualTo(Upstream.HOLD_TARGET);
    }

    @Test
    void doesNotLetOversizedBodiesOpenTheBreaker() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 15; i++) {
            HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/register"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", newClientAddress())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[8192])))
                    .build();
            assertThat(client.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        }

        assertThat(gateway().get("/api/users/me").bearer(TOKENS.customer()).send().status()).isEqualTo(200);
    }
}
