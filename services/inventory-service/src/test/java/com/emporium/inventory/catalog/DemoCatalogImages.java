package com.emporium.inventory.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the demo catalog's product images: one small SVG per product of {@code catalog/demo-catalog.json} (a
 * background in its category's colour, a shape that differs from its neighbours', its name and sku), and the
 * placeholder for products created without an image. The SVGs are plain shapes and text, with no script, no
 * external reference and no style sheet. Run it from the module's folder after changing the catalog:
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.emporium.inventory.catalog.DemoCatalogImages</pre>
 *
 * {@code DemoCatalogTest} fails while the images on disk differ from what this makes.
 */
public final class DemoCatalogImages {

    static final Path FOLDER = Path.of("src/main/resources/catalog/images");
    private static final Map<String, String[]> PALETTES = Map.of(
            "coffee", new String[] {"#f3e9dc", "#6f4e37"},
            "kitchen", new String[] {"#e8f1e4", "#3f6b3a"},
            "stationery", new String[] {"#e6ecf5", "#2f4a7a"},
            "home", new String[] {"#f6e8ea", "#8a3b4a"},
            "outdoor", new String[] {"#e3f2f1", "#1f6f6a"},
            "audio", new String[] {"#ece8f4", "#4b3a78"});
    private static final String[] NEUTRAL = {"#eeeeee", "#555555"};

    private DemoCatalogImages() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(FOLDER);
        for (Map.Entry<String, String> image : images().entrySet()) {
            Files.writeString(FOLDER.resolve(image.getKey()), image.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("Wrote " + images().size() + " images to " + FOLDER);
    }

    /** File name → SVG text, for every demo product and the placeholder. */
    static Map<String, String> images() {
        Map<String, String> images = new LinkedHashMap<>();
        List<JsonNode> products = products();
        Map<String, Integer> indexInCategory = new LinkedHashMap<>();
        for (JsonNode product : products) {
            String category = product.get("category").asString();
            int index = indexInCategory.merge(category, 1, Integer::sum) - 1;
            images.put(product.get("image").asString(), svg(product.get("name").asString(),
                    product.get("sku").asString(), PALETTES.getOrDefault(category, NEUTRAL), index));
        }
        images.put(ProductImages.PLACEHOLDER, svg("No image yet", "", NEUTRAL, 6));
        return images;
    }

    static List<JsonNode> products() {
        try (InputStream in = DemoCatalogImages.class.getResourceAsStream("/" + DemoCatalog.LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(DemoCatalog.LOCATION + " is not on the classpath");
            }
            List<JsonNode> products = new ArrayList<>();
            JsonMapper.builder().build().readTree(in).forEach(products::add);
            return products;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String svg(String name, String sku, String[] palette, int index) {
        String background = palette[0];
        String ink = palette[1];
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300" role="img" aria-label="%s">
                  <rect width="400" height="300" fill="%s"/>
                  %s
                  <text x="200" y="246" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="20" fill="%s">%s</text>
                  <text x="200" y="272" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="12" fill="%s" opacity="0.7">%s</text>
                </svg>
                """.formatted(escape(name), background, shape(index, ink), ink, escape(name), ink, escape(sku));
    }

    /** Six shapes for the six products of a category, so none look alike; a dashed square for the placeholder. */
    private static String shape(int index, String ink) {
        return switch (index % 7) {
            case 0 -> "<circle cx=\"200\" cy=\"120\" r=\"70\" fill=\"%s\"/>".formatted(ink);
            case 1 -> "<rect x=\"135\" y=\"55\" width=\"130\" height=\"130\" rx=\"24\" fill=\"%s\"/>".formatted(ink);
            case 2 -> "<polygon points=\"200,45 280,185 120,185\" fill=\"%s\"/>".formatted(ink);
            case 3 -> "<polygon points=\"200,45 275,120 200,195 125,120\" fill=\"%s\"/>".formatted(ink);
            case 4 -> "<polygon points=\"200,45 265,82 265,158 200,195 135,158 135,82\" fill=\"%s\"/>".formatted(ink);
            case 5 -> "<circle cx=\"200\" cy=\"120\" r=\"62\" fill=\"none\" stroke=\"%s\" stroke-width=\"22\"/>"
                    .formatted(ink);
            default -> "<rect x=\"150\" y=\"70\" width=\"100\" height=\"100\" fill=\"none\" stroke=\"%s\" "
                    .formatted(ink) + "stroke-width=\"6\" stroke-dasharray=\"12 8\"/>";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
