package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The suite's context starts on an empty database with DEMO_CATALOG on: the demo catalog is there to browse. */
class DemoCatalogIT extends InventoryServiceIT {

    @Test
    void loadsTheDemoCatalogIntoAnEmptyDatabaseWithAnImageForEveryProduct() {
        ApiResponse coffee = api.get("/api/inventory/products").query("category", "coffee").send();

        assertThat(coffee.status()).isEqualTo(200);
        assertThat(coffee.json().get("totalItems").asLong()).isEqualTo(6);
        Long demo = jdbc.queryForObject("SELECT count(*) FROM products WHERE sku ~ '^(COF|KIT|STA|HOM|OUT|AUD)-'",
                Long.class);
        assertThat(demo).isEqualTo(36);
        List<String> imageUrls = new ArrayList<>();
        for (String category : List.of("coffee", "kitchen", "stationery", "home", "outdoor", "audio")) {
            for (JsonNode product : api.get("/api/inventory/products").query("category", category).send().json()
                    .get("items")) {
                imageUrls.add(product.get("imageUrl").asString());
            }
        }
        assertThat(imageUrls).hasSize(36).doesNotHaveDuplicates();
        assertThat(imageUrls).allSatisfy(url -> assertThat(api.get(url).send().status()).isEqualTo(200));
    }
}
