package com.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisOutageIT extends GatewayTestBase {

    @Test
    void letsCallsThroughUnlimitedWhileRedisIsDownAndCountsThem() {
        String token = TOKENS.customer();
        REDIS.cut();
        try {
            for (int i = 0; i < 15; i++) {
                assertThat(gateway().get("/api/orders/1").bearer(token).send().status()).isEqualTo(200);
            }
            assertThat(gateway().get("/metrics").send().body())
                    .containsPattern("emporium_gateway_ratelimit_unavailable_total\\{[^}]*} [1-9]");
        } finally {
            REDIS.restore();
        }

        String fresh = TOKENS.customer();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(gateway().get("/api/orders/1").bearer(fresh).send().header("X-RateLimit-Remaining"))
                        .isPresent());
    }
}
