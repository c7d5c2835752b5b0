package com.emporium.inventory;

import static com.emporium.inventory.Catalog.ADMIN_PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: the catalog reads are public, {@code /api/inventory/admin/**} is for admins and
 * {@code /internal/**} for services, as the platform enforces from the path.
 */
class AccessIT extends InventoryServiceIT {

    @Test
    void anyoneReadsTheCatalogAndATokenSentThereIsIgnoredEvenAnInvalidOne() {
        UUID product = Catalog.withStock(api, 3);

        assertThat(api.get("/api/inventory/products").send().status()).isEqualTo(200);
        assertThat(api.get("/api/inventory/products/" + product).send().status()).isEqualTo(200);
        assertThat(api.get("/api/inventory/categories").send().status()).isEqualTo(200);
        assertThat(api.get("/api/inventory/products").bearer("not.a.token").send().status()).isEqualTo(200);
    }

    @Test
    void theAdminRoutesNeedATokenAndTheAdminRole() {
        UUID product = Catalog.withStock(api, 3);
        String path = ADMIN_PRODUCTS + "/" + product;

        ApiResponse anonymous = api.get(path).send();
        ApiResponse customer = api.get(path).bearer(TOKENS.customer()).send();
        ApiResponse service = api.get(path).bearer(TOKENS.service()).send();

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.json().get("type").asString()).isEqualTo("urn:problem:emporium:unauthorized");
        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.json().get("type").asString()).isEqualTo("urn:problem:emporium:forbidden");
        assertThat(service.status()).isEqualTo(403);
    }

    @Test
    void aCustomerCanNeitherCreateNorChangeNorAdjustAProduct() {
        UUID product = Catalog.withStock(api, 3);
        String customer = TOKENS.customer();

        List<ApiResponse> attempts = List.of(
                api.get(ADMIN_PRODUCTS).bearer(customer).send(),
                api.post(ADMIN_PRODUCTS).bearer(customer).json(Catalog.newProduct()).send(),
                api.put(ADMIN_PRODUCTS + "/" + product).bearer(customer).header("If-Match", "\"1\"")
                        .json(Map.of("name", "Mine now")).send(),
                api.post(ADMIN_PRODUCTS + "/" + product + "/stock-adjustments").bearer(customer)
                        .header("If-Match", "\"1\"").json(Map.of("delta", 100)).send());
        List<ApiResponse> anonymous = List.of(
                api.get(ADMIN_PRODUCTS).send(),
                api.post(ADMIN_PRODUCTS).json(Catalog.newProduct()).send(),
                api.put(ADMIN_PRODUCTS + "/" + product).header("If-Match", "\"1\"").json(Map.of()).send(),
                api.post(ADMIN_PRODUCTS + "/" + product + "/stock-adjustments").json(Map.of("delta", 1)).send());

        assertThat(attempts).allSatisfy(response -> assertThat(response.status()).isEqualTo(403));
        assertThat(anonymous).allSatisfy(response -> assertThat(response.status()).isEqualTo(401));
        assertThat(stock(product).onHand()).isEqualTo(3);
    }

    @Test
    void theReservationsAreForServicesOnlyNotForCustomersNorAdmins() {
        UUID product = Catalog.withStock(api, 3);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> request = Reservations.request(orderId, Map.of(product, 1));
        String path = Reservations.PATH + "/" + orderId;

        assertThat(api.post(Reservations.PATH).json(request).send().status()).isEqualTo(401);
        assertThat(api.post(Reservations.PATH).bearer(TOKENS.customer()).json(request).send().status()).isEqualTo(403);
        assertThat(api.post(Reservations.PATH).bearer(TOKENS.admin()).json(request).send().status()).isEqualTo(403);
        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get(path).bearer(TOKENS.customer()).send().status()).isEqualTo(403);
        assertThat(api.delete(path).send().status()).isEqualTo(401);
        assertThat(api.delete(path).bearer(TOKENS.customer()).send().status()).isEqualTo(403);
        assertThat(stock(product).reserved()).isZero();
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefused() {
        String expired = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        ApiResponse forged = api.get(ADMIN_PRODUCTS).bearer(expired).send();

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }
}
