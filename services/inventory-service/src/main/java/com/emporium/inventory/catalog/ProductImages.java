package com.emporium.inventory.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The product images that ship with the service ({@code catalog/images/*.svg} on the classpath), read once at
 * start-up. A request names an image by file name and gets it from this map: nothing a client sends ever reaches a
 * file system path, so there is nothing to traverse.
 */
@Component
public class ProductImages {

    /** Every image's name; also what an admin may set as a product's image. */
    public static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.svg");
    /** The image of a product created without one. */
    public static final String PLACEHOLDER = "placeholder.svg";
    static final String LOCATION = "classpath*:catalog/images/*.svg";

    private final Map<String, Image> images;

    ProductImages() {
        this.images = load();
        if (!images.containsKey(PLACEHOLDER)) {
            throw new IllegalStateException("catalog/images/" + PLACEHOLDER + " is missing from the classpath");
        }
    }

    /** An image's bytes and a strong validator derived from them. */
    public record Image(String name, byte[] content, String etag) {
    }

    public Optional<Image> find(String name) {
        return Optional.ofNullable(images.get(name));
    }

    public boolean exists(String name) {
        return images.containsKey(name);
    }

    /** Where a browser fetches an image (through the gateway, which routes /api/inventory here). */
    public static String url(String name) {
        return "/api/inventory/images/" + name;
    }

    private static Map<String, Image> load() {
        Map<String, Image> loaded = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = resource.getFilename();
                if (name == null || !FILE_NAME.matcher(name).matches()) {
                    throw new IllegalStateException("catalog image with an unusable name: " + resource);
                }
                try (InputStream in = resource.getInputStream()) {
                    byte[] content = in.readAllBytes();
                    loaded.put(name, new Image(name, content, sha256(content)));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the catalog images", ex);
        }
        return Map.copyOf(loaded);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
