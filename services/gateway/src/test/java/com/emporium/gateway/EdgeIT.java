package com.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EdgeIT extends GatewayTestBase {

    @Test
    void refusesABodyOverTheLimitWith413() {
        ApiResponse response = gateway().post("/api/auth/register").header("X-Forwarded-For", newClientAddress())
                .body("application/json", "x".repeat(2048)).send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:payload-too-large");
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimit() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/register"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", newClientAddress())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[8192])))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:problem:emporium:payload-too-large");
    }

    @Test
    void answersTheStorefrontsCorsPreflight() {
        ApiResponse response = gateway().request("OPTIONS", "/api/users/me")
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void letsTheAdminAreaSendIfMatchAndReadTheETag() {
        ApiResponse response = gateway().request("OPTIONS", "/api/inventory/admin/products/x/stock-adjustments")
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Headers")).hasValueSatisfying(allowed ->
                assertThat(allowed.toLowerCase(Locale.ROOT)).contains("if-match"));

        ApiResponse read = gateway().get("/api/users/me").header("Origin", "http://localhost:3000")
                .bearer(TOKENS.customer()).send();
        assertThat(read.header("Access-Control-Expose-Headers")).hasValueSatisfying(exposed ->
                assertThat(exposed.toLowerCase(Locale.ROOT)).contains("etag"));
    }

    @Test
    void refusesAPreflightFromAnotherOrigin() {
        ApiResponse response = gateway().request("OPTIONS", "/api/users/me")
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET").send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void sendsSecurityHeaders() {
        ApiResponse response = gateway().get("/api/users/me").bearer(TOKENS.customer()).send();

        assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.header("X-Frame-Options")).hasValue("DENY");
        assertThat(response.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'"));
    }

    @Test
    void answersTheTraceIdOfTheRequestItsCallerChose() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        ApiResponse response = gateway().get("/api/users/me").bearer(TOKENS.customer())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").send();

        assertThat(response.header("X-Trace-Id")).hasValue(traceId);
    }

    @Test
    void answersTheTraceIdOfATraceItBeganOnItsOwnRefusalsToo() {
        ApiResponse response = gateway().get("/api/users/me").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("X-Trace-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    @Test
    void servesSwaggerUiOverEveryContract() {
        assertThat(gateway().get("/docs").send().body()).contains("swagger-ui-bundle.js");
        assertThat(gateway().get("/docs/contracts.json").send().json().findValuesAsString("url"))
                .contains("/docs/contracts/user-service.yaml");
        assertThat(gateway().get("/docs/contracts/user-service.yaml").send().body()).startsWith("openapi: 3.0.3");
        assertThat(gateway().get("/webjars/swagger-ui/swagger-ui-bundle.js").send().status()).isEqualTo(200);
    }

    @Test
    void reportsHealthAndMetricsTaggedWithServiceAndVersion() {
        assertThat(gateway().get("/health/ready").send().status()).isEqualTo(200);
        assertThat(gateway().get("/health/live").send().status()).isEqualTo(200);

        assertThat(gateway().get("/metrics").send().body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*service=\"gateway\"[^}]*version=\"[0-9]");
    }

    @Test
    void servesItsMetricsOnlyToADirectScraper() {
        ApiResponse direct = gateway().get("/metrics").send();
        ApiResponse forwarded = gateway().get("/metrics").header("X-Forwarded-For", "203.0.113.9").send();
        ApiResponse viaProxy = gateway().get("/metrics").header("Forwarded", "for=203.0.113.9").send();

        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.body()).contains("emporium_gateway_ratelimit_requests_total{");
        assertThat(forwarded.status()).isEqualTo(404);
        assertThat(forwarded.contentType())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(forwarded.body()).doesNotContain("jvm_");
        assertThat(viaProxy.status()).isEqualTo(404);
        for (String encoded : new String[] {"/%6Detrics", "/metric%73", "/%6d%65trics/"}) {
            ApiResponse sneaky = gateway().get(encoded).header("X-Forwarded-For", "203.0.113.9").send();
            assertThat(sneaky.status()).as(encoded).isEqualTo(404);
            assertThat(sneaky.body()).as(encoded).doesNotContain("jvm_");
        }
    }
}
