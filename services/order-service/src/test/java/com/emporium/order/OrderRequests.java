package com.emporium.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object mother for {@code POST /api/orders} bodies. */
final class OrderRequests {

    private OrderRequests() {
    }

    static Map<String, Object> address() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Ada Lovelace");
        address.put("line1", "12 St James's Square");
        address.put("city", "London");
        address.put("postalCode", "SW1Y 4JH");
        address.put("country", "GB");
        return address;
    }

    static Map<String, Object> item(UUID productId, int quantity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", productId.toString());
        item.put("quantity", quantity);
        return item;
    }

    /** One item of one product. */
    static Map<String, Object> of(UUID productId, int quantity) {
        return with(List.of(item(productId, quantity)));
    }

    /** Items of several products, {@code productId, quantity, productId, quantity, ...}. */
    static Map<String, Object> of(Object... productsAndQuantities) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < productsAndQuantities.length; i += 2) {
            items.add(item((UUID) productsAndQuantities[i], (Integer) productsAndQuantities[i + 1]));
        }
        return with(items);
    }

    static Map<String, Object> with(List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("shippingAddress", address());
        return body;
    }
}
