package com.emporium.inventory;

import com.emporium.test.auth.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Object mother for products: bodies of new products, and products created through the admin API. */
final class Catalog {

    static final String ADMIN_PRODUCTS = "/api/inventory/admin/products";

    private Catalog() {
    }

    /** A product the admin API accepts, with a sku no other test uses, in a category of the test's choosing. */
    static Map<String, Object> newProduct(String category) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", uniqueSku());
        product.put("name", "Test Product " + UUID.randomUUID().toString().substring(0, 6));
        product.put("description", "A product made by a test.");
        product.put("price", 9.99);
        product.put("category", category);
        product.put("image", "placeholder.svg");
        product.put("onHand", 10);
        return product;
    }

    static Map<String, Object> newProduct() {
        return newProduct("it-general");
    }

    static String uniqueSku() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** A category name no other test uses, so a test can count and order exactly what it made. */
    static String uniqueCategory() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A product as the admin API created it: its id and version (its ETag). */
    record Created(UUID id, long version, String sku) {
    }

    static Created create(ApiClient api, Map<String, Object> body) {
        ApiResponse response = api.post(ADMIN_PRODUCTS).bearer(TestTokens.shared().admin()).json(body).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Created(UUID.fromString(response.json().get("productId").asString()),
                response.json().get("version").asLong(), response.json().get("sku").asString());
    }

    /** A product with this much on hand. */
    static UUID withStock(ApiClient api, int onHand) {
        Map<String, Object> body = newProduct();
        body.put("onHand", onHand);
        return create(api, body).id();
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
