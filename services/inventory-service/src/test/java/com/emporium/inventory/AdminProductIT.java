package com.emporium.inventory;

import static com.emporium.inventory.Catalog.ADMIN_PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Catalog administration: creating products, changing them with optimistic locking, adjusting their stock. */
class AdminProductIT extends InventoryServiceIT {

    private final String admin = TOKENS.admin();

    @Test
    void createsAProductWithItsStartingStockAtVersionOne() {
        Map<String, Object> body = Catalog.newProduct();
        body.put("sku", "it-" + UUID.randomUUID().toString().substring(0, 8));
        body.remove("image");
        body.put("price", 24.5);
        body.put("onHand", 40);

        ApiResponse created = api.post(ADMIN_PRODUCTS).bearer(admin).json(body).send();

        assertThat(created.status()).isEqualTo(201);
        JsonNode product = created.json();
        assertThat(created.header("Location")).contains(ADMIN_PRODUCTS + "/" + product.get("productId").asString());
        assertThat(created.header("ETag")).contains("\"1\"");
        assertThat(product.get("sku").asString()).isEqualTo(body.get("sku").toString().toUpperCase());
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo("24.50");
        assertThat(product.get("image").asString()).isEqualTo("placeholder.svg");
        assertThat(product.get("onHand").asInt()).isEqualTo(40);
        assertThat(product.get("reserved").asInt()).isZero();
        assertThat(product.get("available").asInt()).isEqualTo(40);
        assertThat(product.get("version").asLong()).isOne();
        assertThat(stock(UUID.fromString(product.get("productId").asString()))).isEqualTo(new StockRow(40, 0, 40));
    }

    @Test
    void refusesASkuThatAnotherProductHasWhateverItsCase() {
        Catalog.Created first = Catalog.create(api, Catalog.newProduct());

        ApiResponse duplicate = api.post(ADMIN_PRODUCTS).bearer(admin)
                .json(Catalog.with(Catalog.newProduct(), "sku", first.sku().toLowerCase())).send();

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asString()).isEqualTo("urn:problem:emporium:sku-taken");
        assertThat(duplicate.json().get("sku").asString()).isEqualTo(first.sku());
        assertThat(countWithSku(first.sku())).isOne();
    }

    @Test
    void refusesAnInvalidProductNamingEveryFieldAndStoresNothing() {
        Map<String, Object> body = new LinkedHashMap<>();
        String sku = "bad sku " + UUID.randomUUID();
        body.put("sku", sku);
        body.put("name", " ");
        body.put("price", 0.001);
        body.put("category", "Not A Category");
        body.put("image", "../../etc/passwd");
        body.put("onHand", -1);

        ApiResponse response = api.post(ADMIN_PRODUCTS).bearer(admin).json(body).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:validation");
        assertThat(fields(response)).contains("sku", "name", "description", "price", "category", "image", "onHand");
        assertThat(countWithSku(sku.toUpperCase())).isZero();
    }

    @Test
    void refusesAnImageThatDoesNotShipWithTheService() {
        Map<String, Object> body = Catalog.with(Catalog.newProduct(), "image", "no-such-image.svg");

        ApiResponse response = api.post(ADMIN_PRODUCTS).bearer(admin).json(body).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("image");
        assertThat(countWithSku(body.get("sku").toString())).isZero();
    }

    @Test
    void refusesABodyThatIsNotJsonOrHasAFieldOfTheWrongType() {
        ApiResponse notJson = api.post(ADMIN_PRODUCTS).bearer(admin).body("application/json", "{\"sku\": ").send();
        ApiResponse priceAsText = api.post(ADMIN_PRODUCTS).bearer(admin)
                .json(Catalog.with(Catalog.newProduct(), "price", "9.99")).send();
        ApiResponse notJsonAtAll = api.post(ADMIN_PRODUCTS).bearer(admin).body("text/plain", "sku=ABC").send();
        ApiResponse fractionOfAUnit = api.post(ADMIN_PRODUCTS).bearer(admin)
                .json(Catalog.with(Catalog.newProduct(), "onHand", 2.5)).send();

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("type").asString()).isEqualTo("urn:problem:emporium:malformed-body");
        assertThat(priceAsText.status()).isEqualTo(400);
        assertThat(priceAsText.json().get("detail").asString()).contains("price");
        assertThat(notJsonAtAll.status()).isEqualTo(415);
        assertThat(fractionOfAUnit.status()).isEqualTo(400);
        assertThat(fractionOfAUnit.json().get("detail").asString()).contains("onHand");
    }

    @Test
    void updatesTheDetailsOfTheVersionItWasBasedOnAndMovesTheVersionOn() {
        Catalog.Created product = Catalog.create(api, Catalog.newProduct());

        ApiResponse updated = api.put(ADMIN_PRODUCTS + "/" + product.id()).bearer(admin).header("If-Match", "\"1\"")
                .json(details("Renamed", 31.25, "it-renamed", "cof-esp-250.svg")).send();

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).contains("\"2\"");
        assertThat(updated.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(updated.json().get("price").decimalValue()).isEqualByComparingTo("31.25");
        assertThat(updated.json().get("category").asString()).isEqualTo("it-renamed");
        assertThat(updated.json().get("imageUrl").asString()).isEqualTo("/api/inventory/images/cof-esp-250.svg");
        assertThat(updated.json().get("sku").asString()).isEqualTo(product.sku());
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(api.get("/api/inventory/products/" + product.id()).send().json().get("name").asString())
                .isEqualTo("Renamed");
    }

    @Test
    void refusesAnUpdateWithoutIfMatchOrWithAStaleVersionAndChangesNothing() {
        Catalog.Created product = Catalog.create(api, Catalog.newProduct());
        String path = ADMIN_PRODUCTS + "/" + product.id();
        Map<String, Object> change = details("Changed", 1.00, "it-general", "placeholder.svg");
        api.put(path).bearer(admin).header("If-Match", "\"1\"").json(details("First", 2.00, "it-general",
                "placeholder.svg")).send();

        ApiResponse missing = api.put(path).bearer(admin).json(change).send();
        ApiResponse wildcard = api.put(path).bearer(admin).header("If-Match", "*").json(change).send();
        ApiResponse stale = api.put(path).bearer(admin).header("If-Match", "\"1\"").json(change).send();
        ApiResponse malformed = api.put(path).bearer(admin).header("If-Match", "1").json(change).send();

        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:problem:emporium:version-required");
        assertThat(wildcard.status()).isEqualTo(428);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asString()).isEqualTo("urn:problem:emporium:version-mismatch");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactly("If-Match");
        JsonNode now = api.get(path).bearer(admin).send().json();
        assertThat(now.get("name").asString()).isEqualTo("First");
        assertThat(now.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void refusesAnInvalidUpdateAndAnUpdateOfAnUnknownProduct() {
        Catalog.Created product = Catalog.create(api, Catalog.newProduct());

        ApiResponse invalid = api.put(ADMIN_PRODUCTS + "/" + product.id()).bearer(admin).header("If-Match", "\"1\"")
                .json(Map.of("name", "", "price", -5)).send();
        ApiResponse unknown = api.put(ADMIN_PRODUCTS + "/" + UUID.randomUUID()).bearer(admin)
                .header("If-Match", "\"1\"").json(details("X", 1.00, "it-general", "placeholder.svg")).send();

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).contains("name", "description", "price", "category", "image");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void addsAndTakesStockByADeltaRecordingWhoDidIt() {
        Catalog.Created product = Catalog.create(api, Catalog.with(Catalog.newProduct(), "onHand", 10));
        String path = ADMIN_PRODUCTS + "/" + product.id() + "/stock-adjustments";
        String actor = UUID.randomUUID().toString();
        String adminWithSubject = TOKENS.forSubject(actor, "admin");

        ApiResponse delivery = api.post(path).bearer(adminWithSubject).header("If-Match", "\"1\"")
                .json(Map.of("delta", 25)).send();
        ApiResponse breakage = api.post(path).bearer(adminWithSubject).header("If-Match", "\"2\"")
                .json(Map.of("delta", -3)).send();

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.json().get("onHand").asInt()).isEqualTo(35);
        assertThat(delivery.header("ETag")).contains("\"2\"");
        assertThat(breakage.status()).isEqualTo(200);
        assertThat(breakage.json().get("onHand").asInt()).isEqualTo(32);
        assertThat(breakage.json().get("version").asLong()).isEqualTo(3);
        assertThat(stock(product.id())).isEqualTo(new StockRow(32, 0, 32));
        assertThat(jdbc.queryForList("SELECT delta FROM stock_adjustments WHERE product_id = ? AND adjusted_by = ? "
                + "ORDER BY adjusted_at", Integer.class, product.id(), actor)).containsExactly(25, -3);
    }

    @Test
    void aRepeatedAdjustmentMadeFromTheSameReadIsRefusedNotAppliedTwice() {
        Catalog.Created product = Catalog.create(api, Catalog.with(Catalog.newProduct(), "onHand", 10));
        String path = ADMIN_PRODUCTS + "/" + product.id() + "/stock-adjustments";

        ApiResponse first = api.post(path).bearer(admin).header("If-Match", "\"1\"").json(Map.of("delta", 5)).send();
        ApiResponse again = api.post(path).bearer(admin).header("If-Match", "\"1\"").json(Map.of("delta", 5)).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(412);
        assertThat(stock(product.id()).onHand()).isEqualTo(15);
    }

    @Test
    void refusesAnAdjustmentThatWouldLeaveLessOnHandThanIsReserved() {
        Catalog.Created product = Catalog.create(api, Catalog.with(Catalog.newProduct(), "onHand", 10));
        assertThat(Reservations.reserve(api, UUID.randomUUID(), product.id(), 8).status()).isEqualTo(201);

        ApiResponse refused = api.post(ADMIN_PRODUCTS + "/" + product.id() + "/stock-adjustments").bearer(admin)
                .header("If-Match", "\"1\"").json(Map.of("delta", -3)).send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:emporium:stock-below-reserved");
        assertThat(refused.json().get("onHand").asInt()).isEqualTo(10);
        assertThat(refused.json().get("reserved").asInt()).isEqualTo(8);
        assertThat(refused.json().get("delta").asInt()).isEqualTo(-3);
        assertThat(stock(product.id())).isEqualTo(new StockRow(10, 8, 2));
        assertThat(api.get(ADMIN_PRODUCTS + "/" + product.id()).bearer(admin).send().json().get("version").asLong())
                .as("a refused adjustment does not move the version").isOne();
    }

    @Test
    void refusesAnAdjustmentOfNothingWithoutIfMatchOrOfAnUnknownProduct() {
        Catalog.Created product = Catalog.create(api, Catalog.newProduct());
        String path = ADMIN_PRODUCTS + "/" + product.id() + "/stock-adjustments";

        ApiResponse zero = api.post(path).bearer(admin).header("If-Match", "\"1\"").json(Map.of("delta", 0)).send();
        ApiResponse none = api.post(path).bearer(admin).header("If-Match", "\"1\"").json(Map.of()).send();
        ApiResponse tooMuch = api.post(path).bearer(admin).header("If-Match", "\"1\"")
                .json(Map.of("delta", 1_000_001)).send();
        ApiResponse missing = api.post(path).bearer(admin).json(Map.of("delta", 1)).send();
        ApiResponse unknown = api.post(ADMIN_PRODUCTS + "/" + UUID.randomUUID() + "/stock-adjustments").bearer(admin)
                .header("If-Match", "\"1\"").json(Map.of("delta", 1)).send();

        assertThat(List.of(zero, none, tooMuch)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(fields(response)).containsExactly("delta");
        });
        assertThat(missing.status()).isEqualTo(428);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(stock(product.id()).onHand()).isEqualTo(10);
    }

    @Test
    void showsAnAdminEveryStockFigureAndTheVersion() {
        Catalog.Created product = Catalog.create(api, Catalog.with(Catalog.newProduct("it-admin-reads"), "onHand", 9));
        Reservations.reserve(api, UUID.randomUUID(), product.id(), 4);

        ApiResponse one = api.get(ADMIN_PRODUCTS + "/" + product.id()).bearer(admin).send();
        ApiResponse list = api.get(ADMIN_PRODUCTS).query("q", product.sku()).bearer(admin).send();

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("ETag")).contains("\"1\"");
        assertThat(one.json().get("onHand").asInt()).isEqualTo(9);
        assertThat(one.json().get("reserved").asInt()).isEqualTo(4);
        assertThat(one.json().get("available").asInt()).isEqualTo(5);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").get(0).get("reserved").asInt()).isEqualTo(4);
        assertThat(api.get(ADMIN_PRODUCTS + "/" + UUID.randomUUID()).bearer(admin).send().status()).isEqualTo(404);
        assertThat(api.get(ADMIN_PRODUCTS + "/nope").bearer(admin).send().status()).isEqualTo(400);
        assertThat(api.get(ADMIN_PRODUCTS).query("sort", "onHand").bearer(admin).send().status()).isEqualTo(400);
    }

    private static Map<String, Object> details(String name, double price, String category, String image) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("description", "Changed by a test.");
        details.put("price", price);
        details.put("category", category);
        details.put("image", image);
        return details;
    }

    private long countWithSku(String sku) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM products WHERE sku = ?", Long.class, sku);
        return count == null ? 0 : count;
    }

    static List<String> fields(ApiResponse response) {
        return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}
