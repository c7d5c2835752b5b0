package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public catalog: anyone reads it without a token. Each test makes its products in a category of its own, so
 * it can count and order exactly what it made while other tests add theirs.
 */
class CatalogReadIT extends InventoryServiceIT {

    private static final String PRODUCTS = "/api/inventory/products";
    private final Random random = new Random();

    @Test
    void pagesThroughACategoryByNameWithoutSkippingOrRepeating() {
        String category = Catalog.uniqueCategory();
        for (String name : List.of("Echo", "Alpha", "Delta", "Charlie", "Bravo")) {
            Catalog.create(api, Catalog.with(Catalog.newProduct(category), "name", name));
        }

        List<String> names = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            ApiResponse response = api.get(PRODUCTS).query("category", category).query("size", 2).query("page", page)
                    .send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("totalItems").asLong()).isEqualTo(5);
            assertThat(response.json().get("totalPages").asInt()).isEqualTo(3);
            assertThat(response.json().get("page").asInt()).isEqualTo(page);
            response.json().get("items").forEach(item -> names.add(item.get("name").asString()));
        }

        assertThat(names).containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Echo");
    }

    @Test
    void aPageBeyondTheLastIsEmptyAndStillCountsTheMatches() {
        String category = Catalog.uniqueCategory();
        Catalog.create(api, Catalog.newProduct(category));

        ApiResponse response = api.get(PRODUCTS).query("category", category).query("page", 7).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items")).isEmpty();
        assertThat(response.json().get("totalItems").asLong()).isOne();
        assertThat(response.json().get("totalPages").asInt()).isOne();
    }

    @Test
    void sortsByPriceDescendingWithTheIdBreakingTiesSoPagesAreStable() {
        String category = Catalog.uniqueCategory();
        List<UUID> cheap = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cheap.add(Catalog.create(api, Catalog.with(Catalog.newProduct(category), "price", 5.00)).id());
        }
        UUID dear = Catalog.create(api, Catalog.with(Catalog.newProduct(category), "price", 120.50)).id();

        ApiResponse response = api.get(PRODUCTS).query("category", category).query("sort", "price,desc").send();

        List<JsonNode> items = items(response);
        assertThat(ids(items)).containsExactly(dear, sortedDescending(cheap).get(0), sortedDescending(cheap).get(1),
                sortedDescending(cheap).get(2));
        assertThat(items.getFirst().get("price").decimalValue()).isEqualByComparingTo("120.50");
        assertThat(items.getFirst().get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void sortsBySkuAndByNameDescending() {
        String category = Catalog.uniqueCategory();
        String prefix = Catalog.uniqueSku();
        Catalog.create(api, Catalog.with(Catalog.with(Catalog.newProduct(category), "sku", prefix + "-B"), "name", "Zed"));
        Catalog.create(api, Catalog.with(Catalog.with(Catalog.newProduct(category), "sku", prefix + "-A"), "name", "Amy"));
        Catalog.create(api, Catalog.with(Catalog.with(Catalog.newProduct(category), "sku", prefix + "-C"), "name", "Max"));

        List<JsonNode> bySku = items(api.get(PRODUCTS).query("category", category).query("sort", "sku").send());
        List<JsonNode> byName = items(api.get(PRODUCTS).query("category", category).query("sort", "name,desc").send());

        assertThat(bySku).extracting(item -> item.get("sku").asString())
                .containsExactly(prefix + "-A", prefix + "-B", prefix + "-C");
        assertThat(byName).extracting(item -> item.get("name").asString()).containsExactly("Zed", "Max", "Amy");
    }

    @Test
    void searchesNamesAndDescriptionsByWordPrefixesAndSkusByTheirStart() {
        String word = uniqueWord();
        String category = Catalog.uniqueCategory();
        UUID inName = Catalog.create(api, Catalog.with(Catalog.newProduct(category), "name", "The " + word + " kettle"))
                .id();
        UUID inDescription = Catalog.create(api, Catalog.with(Catalog.newProduct(category), "description",
                "Pairs well with a " + word + " of tea.")).id();
        Catalog.Created bySku = Catalog.create(api, Catalog.newProduct(category));

        ApiResponse prefix = api.get(PRODUCTS).query("q", word.substring(0, 7)).send();
        ApiResponse twoWords = api.get(PRODUCTS).query("q", word + " kettl").send();
        ApiResponse sku = api.get(PRODUCTS).query("q", bySku.sku().substring(0, 7).toLowerCase()).send();

        assertThat(ids(items(prefix))).as("no sort: by relevance, the name outweighs the description")
                .containsExactly(inName, inDescription);
        assertThat(ids(items(twoWords))).containsExactly(inName);
        assertThat(ids(items(sku))).containsExactly(bySku.id());
    }

    @Test
    void searchesWithinACategoryAndInTheOrderAsked() {
        String word = uniqueWord();
        String category = Catalog.uniqueCategory();
        UUID dear = Catalog.create(api, Catalog.with(Catalog.with(Catalog.newProduct(category), "name", word + " one"),
                "price", 50)).id();
        UUID cheap = Catalog.create(api, Catalog.with(Catalog.with(Catalog.newProduct(category), "name", word + " two"),
                "price", 5)).id();
        Catalog.create(api, Catalog.with(Catalog.newProduct(Catalog.uniqueCategory()), "name", word + " elsewhere"));

        ApiResponse response = api.get(PRODUCTS).query("q", word).query("category", category).query("sort", "price")
                .send();

        assertThat(ids(items(response))).containsExactly(cheap, dear);
        assertThat(response.json().get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void aBlankSearchIsNoSearchAndASearchOfNoWordsMatchesNothingButSkus() {
        String category = Catalog.uniqueCategory();
        Catalog.create(api, Catalog.newProduct(category));

        ApiResponse blank = api.get(PRODUCTS).query("category", category).query("q", "   ").send();
        ApiResponse punctuation = api.get(PRODUCTS).query("category", category).query("q", "&|!:*").send();

        assertThat(blank.json().get("totalItems").asLong()).isOne();
        assertThat(punctuation.status()).isEqualTo(200);
        assertThat(punctuation.json().get("totalItems").asLong()).isZero();
    }

    @Test
    void everyItemCarriesWhatIsAvailableAndItsImageUrlButNoOtherStockFigure() {
        String category = Catalog.uniqueCategory();
        UUID product = Catalog.create(api, Catalog.with(Catalog.newProduct(category), "onHand", 12)).id();
        assertThat(Reservations.reserve(api, UUID.randomUUID(), product, 5).status()).isEqualTo(201);

        JsonNode item = items(api.get(PRODUCTS).query("category", category).send()).getFirst();
        ApiResponse one = api.get(PRODUCTS + "/" + product).send();

        assertThat(item.get("available").asInt()).isEqualTo(7);
        assertThat(item.get("imageUrl").asString()).isEqualTo("/api/inventory/images/placeholder.svg");
        assertThat(item.has("onHand")).isFalse();
        assertThat(item.has("reserved")).isFalse();
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("available").asInt()).isEqualTo(7);
    }

    @Test
    void oneProductCarriesItsVersionAsETagAndAnswersInFullEvenToAConditionalRead() {
        Catalog.Created product = Catalog.create(api, Catalog.newProduct());

        ApiResponse response = api.get(PRODUCTS + "/" + product.id()).send();
        ApiResponse conditional = api.get(PRODUCTS + "/" + product.id())
                .header("If-None-Match", "\"" + product.version() + "\"").send();

        assertThat(response.header("ETag")).contains("\"1\"");
        assertThat(response.json().get("productId").asString()).isEqualTo(product.id().toString());
        assertThat(response.json().get("sku").asString()).isEqualTo(product.sku());
        assertThat(conditional.status()).as("available may have changed under the same version").isEqualTo(200);
    }

    @Test
    void anUnknownProductIsNotFoundAndAnIdThatIsNoUuidIsRefused() {
        ApiResponse unknown = api.get(PRODUCTS + "/" + UUID.randomUUID()).send();
        ApiResponse malformed = api.get(PRODUCTS + "/not-a-uuid").send();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:problem:emporium:not-found");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("productId");
    }

    @Test
    void capsThePageSizeAtOneHundredAndSaysSo() {
        ApiResponse response = api.get(PRODUCTS).query("size", 1000).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("size").asInt()).isEqualTo(100);
        assertThat(response.json().get("items").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void refusesBadParametersNamingEach() {
        Map<String, Map<String, Object>> bad = Map.of(
                "page", Map.of("page", -1),
                "size", Map.of("size", 0),
                "sort", Map.of("sort", "colour"),
                "q", Map.of("q", "x".repeat(101)),
                "category", Map.of("category", "Not A Category"));

        bad.forEach((field, parameters) -> {
            var request = api.get(PRODUCTS);
            parameters.forEach(request::query);
            ApiResponse response = request.send();
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:validation");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        });
        assertThat(api.get(PRODUCTS).query("sort", "name,sideways").send().status()).isEqualTo(400);
        assertThat(api.get(PRODUCTS).query("page", "first").send().json().get("errors").get(0).get("field")
                .asString()).isEqualTo("page");
    }

    @Test
    void listsEveryCategoryWithItsProductCount() {
        String category = Catalog.uniqueCategory();
        Catalog.create(api, Catalog.newProduct(category));
        Catalog.create(api, Catalog.newProduct(category));

        ApiResponse response = api.get("/api/inventory/categories").send();

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> categories = new ArrayList<>();
        response.json().get("items").forEach(categories::add);
        assertThat(categories).anySatisfy(c -> {
            assertThat(c.get("name").asString()).isEqualTo(category);
            assertThat(c.get("productCount").asLong()).isEqualTo(2);
        });
        assertThat(categories).anySatisfy(c -> {
            assertThat(c.get("name").asString()).isEqualTo("coffee");
            assertThat(c.get("productCount").asLong()).isEqualTo(6);
        });
        assertThat(categories).extracting(c -> c.get("name").asString()).isSorted();
    }

    private String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static List<JsonNode> items(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<UUID> ids(List<JsonNode> items) {
        return items.stream().map(item -> UUID.fromString(item.get("productId").asString())).toList();
    }

    /** PostgreSQL orders uuids by their bytes, which is the order of their lower-case text. */
    private static List<UUID> sortedDescending(List<UUID> ids) {
        return ids.stream().sorted(Comparator.comparing(UUID::toString).reversed()).toList();
    }
}
