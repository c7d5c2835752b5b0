package com.emporium.inventory;

import com.emporium.test.auth.TestTokens;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object mother for reservations: request bodies, and calls as order-service makes them with its service token. */
final class Reservations {

    static final String PATH = "/internal/reservations";

    private Reservations() {
    }

    /** {@code lines} as productId → quantity, in the order given. */
    static Map<String, Object> request(UUID orderId, Map<UUID, Integer> lines) {
        List<Map<String, Object>> body = new ArrayList<>();
        lines.forEach((productId, quantity) -> body.add(Map.of("productId", productId, "quantity", quantity)));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("orderId", orderId);
        request.put("lines", body);
        return request;
    }

    static ApiResponse reserve(ApiClient api, UUID orderId, Map<UUID, Integer> lines) {
        return api.post(PATH).bearer(TestTokens.shared().service()).json(request(orderId, lines)).send();
    }

    static ApiResponse reserve(ApiClient api, UUID orderId, UUID productId, int quantity) {
        return reserve(api, orderId, Map.of(productId, quantity));
    }
}
