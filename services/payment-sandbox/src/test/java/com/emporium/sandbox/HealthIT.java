package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.http.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationContext;

class HealthIT extends PaymentSandboxIT {

    @Autowired
    ApplicationContext context;

    @Test
    void isLiveAndReadyWithItsDatabase() {
        ApiResponse live = api.get("/health/live").send();
        ApiResponse ready = api.get("/health/ready").send();

        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
    }

    @Test
    void isNotReadyWhileItsDatabaseIsCutOffAndRecoversAfter() {
        try {
            DATABASE_LINK.cut();

            await().atMost(PATIENCE).untilAsserted(() -> {
                ApiResponse ready = api.get("/health/ready").send();
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().get("components").get("db").get("status").asString()).isEqualTo("DOWN");
            });
            assertThat(api.get("/health/live").send().status()).as("a dead dependency is no reason to restart")
                    .isEqualTo(200);
        } finally {
            DATABASE_LINK.restore();
        }

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.get("/health/ready").send().status()).isEqualTo(200));
        assertThat(chargeOf("tok_visa", "1.00").status()).isEqualTo(201);
    }

    @Test
    void reportsItselfNotLiveWhenItKnowsItIsBroken() {
        try {
            AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);

            ApiResponse live = api.get("/health/live").send();

            assertThat(live.status()).isEqualTo(503);
            assertThat(live.json().get("status").asString()).isEqualTo("DOWN");
        } finally {
            AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        }
        assertThat(api.get("/health/live").send().status()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsTaggedWithServiceAndVersion() {
        chargeOf("tok_visa", "1.00");

        ApiResponse metrics = api.get("/metrics").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body().lines().filter(line -> line.startsWith("http_server_requests_seconds_count")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("service=\"payment-sandbox\"").contains("version=\""));
    }
}
