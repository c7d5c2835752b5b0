package com.emporium.inventory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** The demo catalog file and its images, as they ship. */
class DemoCatalogTest {

    private final List<JsonNode> products = DemoCatalogImages.products();

    @Test
    void hasThirtySixProductsInSixCategoriesWithUniqueSkusAndImages() {
        Map<String, Long> perCategory = products.stream()
                .collect(Collectors.groupingBy(p -> p.get("category").asString(), Collectors.counting()));

        assertThat(products).hasSize(36);
        assertThat(perCategory).hasSize(6).allSatisfy((category, count) -> assertThat(count).isEqualTo(6));
        assertThat(products.stream().map(p -> p.get("sku").asString())).doesNotHaveDuplicates()
                .allMatch(sku -> sku.matches("[A-Z0-9]+(-[A-Z0-9]+)*"));
        assertThat(products.stream().map(p -> p.get("image").asString())).doesNotHaveDuplicates()
                .allMatch(image -> ProductImages.FILE_NAME.matcher(image).matches());
        assertThat(products).allSatisfy(p -> assertThat(p.get("price").decimalValue()).isPositive()
                .satisfies(price -> assertThat(price.scale()).isLessThanOrEqualTo(2)));
    }

    @Test
    void theImagesOnDiskAreExactlyWhatTheGeneratorMakes() throws IOException {
        Map<String, String> expected = DemoCatalogImages.images();
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(DemoCatalogImages.FOLDER)) {
            onDisk = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }

        assertThat(onDisk).as("run DemoCatalogImages after changing the demo catalog")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, String> image : expected.entrySet()) {
            assertThat(Files.readString(DemoCatalogImages.FOLDER.resolve(image.getKey())))
                    .as("%s (run DemoCatalogImages after changing the demo catalog)", image.getKey())
                    .isEqualTo(image.getValue());
        }
    }

    @Test
    void everyImageIsADistinctWellFormedSvgWithNoScriptNorExternalReference() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setNamespaceAware(true);
        Set<String> contents = new HashSet<>();

        for (String svg : DemoCatalogImages.images().values()) {
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

            assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
            assertThat(svg).doesNotContain("href", "url(", "<style").doesNotContainPattern("\\son[a-z]+\\s*=");
            assertThat(contents.add(svg)).as("each image differs from every other").isTrue();
        }
    }
}
