package com.emporium.gateway.edge;

import com.emporium.gateway.GatewayProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

final class GatewayPropertiesMother {

    private GatewayPropertiesMother() {
    }

    static GatewayProperties trusting(String trustedProxies) {
        return new GatewayProperties(trustedProxies, DataSize.ofKilobytes(64), Duration.ofSeconds(5),
                List.of("GET /health/**"), List.of("X-User-"),
                new GatewayProperties.Cors(List.of("http://localhost:3000"), Duration.ofHours(1)),
                new GatewayProperties.Jwks(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(2)),
                new GatewayProperties.RateLimit("redis://127.0.0.1:6379", Duration.ofMillis(250), "test:", 4,
                        Duration.ofMillis(250)),
                new GatewayProperties.Resilience(256, 50, 10, 20, Duration.ofSeconds(5)),
                "127\\.0\\.0\\.1");
    }
}
