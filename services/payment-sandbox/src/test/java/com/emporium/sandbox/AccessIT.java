package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiRequest;
import com.emporium.test.http.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The secret key on every {@code /v1/**} route but tokenization, and CORS on tokenization alone. */
class AccessIT extends PaymentSandboxIT {

    @Test
    void refusesEveryKeyedRouteWithoutTheKeyOrWithAWrongOne() {
        for (boolean wrongKey : new boolean[] {false, true}) {
            for (ApiRequest request : List.of(
                    api.post("/v1/charges").header("Idempotency-Key", UUID.randomUUID().toString())
                            .json(Charges.request("tok_visa", "1.00", "r")),
                    api.get("/v1/charges"),
                    api.get("/v1/charges/ch_x"),
                    api.post("/v1/refunds").header("Idempotency-Key", UUID.randomUUID().toString())
                            .json(Charges.refundOf("ch_x", null)),
                    api.get("/v1/refunds"),
                    api.get("/v1/refunds/re_x"),
                    api.get("/v1/ledger"))) {
                ApiResponse refused = (wrongKey ? request.bearer("sk_wrong") : request).send();

                assertThat(refused.status()).as(refused.method() + " " + refused.uri()).isEqualTo(401);
                assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:sandbox:unauthorized");
                assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                        assertThat(challenge).startsWith("Bearer"));
                assertThat(refused.body()).doesNotContain("sk_wrong").doesNotContain(SECRET_KEY);
            }
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM charges WHERE reference = 'r'", Long.class)).isZero();
    }

    @Test
    void tokenizesWithoutAKeyAndIgnoresAWrongOne() {
        assertThat(api.post("/v1/tokens").json(Charges.card("4242424242424242")).send().status()).isEqualTo(201);
        assertThat(api.post("/v1/tokens").bearer("sk_wrong").json(Charges.card("4242424242424242")).send().status())
                .isEqualTo(201);
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        assertThat(api.get("/health/ready").send().status()).isEqualTo(200);
        assertThat(api.get("/metrics").send().status()).isEqualTo(200);
    }

    @Test
    void givesAnAllowedOriginCorsHeadersOnTokenizationAndItsPreflight() {
        ApiResponse preflight = api.request("OPTIONS", "/v1/tokens").header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").send();
        ApiResponse tokenized = api.post("/v1/tokens").header("Origin", ALLOWED_ORIGIN)
                .json(Charges.card("4242424242424242")).send();

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).hasValueSatisfying(headers ->
                assertThat(headers).containsIgnoringCase("content-type"));
        assertThat(tokenized.status()).isEqualTo(201);
        assertThat(tokenized.header("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
    }

    @Test
    void givesAnyOtherOriginNoCorsHeaders() {
        String other = "https://evil.example";

        ApiResponse preflight = api.request("OPTIONS", "/v1/tokens").header("Origin", other)
                .header("Access-Control-Request-Method", "POST").send();
        ApiResponse tokenized = api.post("/v1/tokens").header("Origin", other)
                .json(Charges.card("4242424242424242")).send();
        ApiResponse deletePreflight = api.request("OPTIONS", "/v1/tokens").header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "DELETE").send();

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.json().get("type").asString()).isEqualTo("urn:problem:sandbox:origin-not-allowed");
        assertThat(deletePreflight.status()).isEqualTo(403);
        for (ApiResponse response : List.of(preflight, tokenized, deletePreflight)) {
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void givesTheKeyedRoutesNoCorsHeadersEvenForAnAllowedOrigin() {
        ApiResponse charged = merchant(api.post("/v1/charges")).header("Origin", ALLOWED_ORIGIN)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .json(Charges.request("tok_visa", "1.00", "cors")).send();
        ApiResponse preflight = api.unchecked().request("OPTIONS", "/v1/charges").header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST").send();

        assertThat(charged.status()).isEqualTo(201);
        for (ApiResponse response : List.of(charged, preflight)) {
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
        assertThat(preflight.status()).isNotEqualTo(200).isNotEqualTo(204);
    }
}
