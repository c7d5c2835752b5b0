package com.emporium.inventory.catalog.web;

import com.emporium.inventory.InventoryProperties;
import com.emporium.inventory.catalog.ProductImages;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product images. An SVG opened on its own is a document that could run script, so each answer forbids
 * everything but the inline styles an image may carry ({@code Content-Security-Policy} with {@code sandbox}); the
 * images never change under a name within a release, so browsers keep them for {@code IMAGE_MAX_AGE} and then
 * revalidate by ETag (a hash of the bytes).
 */
@RestController
class ImageController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final ProductImages images;
    private final CacheControl caching;

    ImageController(ProductImages images, InventoryProperties properties) {
        this.images = images;
        this.caching = CacheControl.maxAge(properties.images().maxAge()).cachePublic();
    }

    @GetMapping("/api/inventory/images/{file}")
    ResponseEntity<byte[]> image(@PathVariable String file) {
        ProductImages.Image image = images.find(file).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                ProblemTypes.NOT_FOUND, "Not Found", "No product image has this name."));
        return ResponseEntity.ok()
                .contentType(SVG)
                .cacheControl(caching)
                .eTag("\"" + image.etag() + "\"")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(image.content());
    }
}
