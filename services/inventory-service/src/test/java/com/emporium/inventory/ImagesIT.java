package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The product images: SVGs that ship with the service, cached long, unable to run script, and nothing else. */
class ImagesIT extends InventoryServiceIT {

    private static final String IMAGES = "/api/inventory/images/";

    @Test
    void servesAnImageAsSvgCachedLongAndLockedDownByItsContentSecurityPolicy() {
        ApiResponse image = api.get(IMAGES + "cof-esp-250.svg").send();

        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(image.header("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=604800").contains("public").doesNotContain("no-store"));
        assertThat(image.header("Content-Security-Policy"))
                .contains("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        assertThat(image.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(new String(image.bodyBytes(), StandardCharsets.UTF_8)).startsWith("<svg").contains("COF-ESP-250");
    }

    @Test
    void answersNotModifiedToACopyThatIsStillCurrent() {
        String etag = api.get(IMAGES + "kit-pan-cast.svg").send().header("ETag").orElseThrow();

        ApiResponse current = api.get(IMAGES + "kit-pan-cast.svg").header("If-None-Match", etag).send();
        ApiResponse other = api.get(IMAGES + "kit-pan-cast.svg").header("If-None-Match", "\"0123\"").send();

        assertThat(current.status()).isEqualTo(304);
        assertThat(current.bodyBytes()).isEmpty();
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void anImageThatDoesNotShipIsNotFound() {
        ApiResponse missing = api.get(IMAGES + "no-such-image.svg").send();
        ApiResponse notAnImage = api.get(IMAGES + "demo-catalog.json").send();

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:problem:emporium:not-found");
        assertThat(notAnImage.status()).isEqualTo(404);
    }

    @Test
    void noPathReachesAFileOutsideTheImages() {
        ApiClient raw = ApiClient.unchecked(URI.create("http://127.0.0.1:" + port));
        List<String> attempts = List.of(
                IMAGES + "..%2Fdemo-catalog.json",
                IMAGES + "..%2F..%2Fapplication.yaml",
                IMAGES + "%2e%2e%2fapplication.yaml",
                IMAGES + "..%5capplication.yaml",
                IMAGES + "....//application.yaml",
                "/api/inventory/images/../../application.yaml",
                IMAGES + "%252e%252e%252fapplication.yaml");

        for (String attempt : attempts) {
            ApiResponse response = raw.get(attempt).send();
            assertThat(response.status()).as(attempt).isBetween(400, 404);
            assertThat(response.body()).as(attempt).doesNotContain("DATABASE_URL", "public-paths", "\"sku\"");
        }
    }
}
