package com.emporium.e2e.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
import com.emporium.e2e.Gateway;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An anonymous shopper browses the catalog through the gateway: no token, the demo catalog, its images. */
class BrowseIT {

    private final ApiClient shopper = Gateway.client("inventory-service");

    @Test
    void showsTheDemoCatalogTheRunCommandLoadedToAnAnonymousShopper() {
        ApiResponse page = shopper.get("/api/inventory/products").query("page", 0).query("size", 12)
                .query("sort", "name,asc").send();

        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.json().get("totalItems").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(page.json().get("items")).hasSize(12).allSatisfy(item -> {
            assertThat(item.get("available").asInt()).isNotNegative();
            assertThat(item.get("currency").asString()).isEqualTo("USD");
        });
    }

    @Test
    void servesEveryProductsImageThroughTheGateway() {
        JsonNode first = shopper.get("/api/inventory/products").query("size", 1).send().json().get("items").get(0);

        ApiResponse image = Gateway.client().get(first.get("imageUrl").asString()).send();

        assertThat(image.status()).as("%s", image).isEqualTo(200);
        assertThat(image.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(image.body()).contains("<svg");
    }

    @Test
    void findsAProductByAWordOfItsNameAndByItsCategory() {
        Product product = Catalog.product(3, "4.20");

        ApiResponse byWord = shopper.get("/api/inventory/products").query("q", product.sku()).send();
        ApiResponse byCategory = shopper.get("/api/inventory/products").query("category", "e2e").query("size", 100)
                .send();

        assertThat(byWord.json().get("items")).anySatisfy(
                item -> assertThat(item.get("productId").asString()).isEqualTo(product.id().toString()));
        assertThat(byCategory.json().get("items")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("category").asString()).isEqualTo("e2e"))
                .anySatisfy(item -> assertThat(item.get("productId").asString()).isEqualTo(product.id().toString()));
    }

    @Test
    void showsOneProductWithWhatIsAvailable() {
        Product product = Catalog.product(7, "19.99");

        ApiResponse answer = shopper.get("/api/inventory/products/" + product.id()).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("sku").asString()).isEqualTo(product.sku());
        assertThat(answer.json().get("price").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(answer.json().get("available").asInt()).isEqualTo(7);
    }
}
