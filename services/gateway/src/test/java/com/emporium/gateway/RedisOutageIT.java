package com.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedisOutageIT extends GatewayTestBase {

    private static final Pattern UNAVAILABLE =
            Pattern.compile("emporium_gateway_ratelimit_unavailable_total\\{[^}]*} ([0-9.E]+)");

    @Test
    void letsCallsThroughUnlimitedWhileRedisIsDownAndCountsThem() {
        String token = TOKENS.customer();
        double before = unlimitedCalls();
        REDIS.cut();
        try {
            // more than the order route's 30 per consumer: with Redis gone, none is refused
            for (int i = 0; i < 35; i++) {
                assertThat(gateway().get("/api/orders/1").bearer(token).send().status()).isEqualTo(200);
            }
            assertThat(unlimitedCalls() - before).isEqualTo(35.0);
        } finally {
            REDIS.restore();
        }

        // once Redis is back, the limits hold again
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(gateway().get("/api/orders/1").bearer(TOKENS.customer()).send()
                        .header("X-RateLimit-Remaining")).isPresent());
        String fresh = TOKENS.customer();
        for (int i = 0; i < 30; i++) {
            gateway().get("/api/orders/1").bearer(fresh).send();
        }
        assertThat(gateway().get("/api/orders/1").bearer(fresh).send().status()).isEqualTo(429);
    }

    private double unlimitedCalls() {
        Matcher matcher = UNAVAILABLE.matcher(gateway().get("/metrics").send().body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }
}
