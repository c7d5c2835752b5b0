package com.emporium.inventory.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.inventory.InventoryServiceApplication;
import com.emporium.inventory.InventoryServiceIT;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** The demo catalog goes into an empty catalog only, and never into production. */
class DemoCatalogLoadIT extends InventoryServiceIT {

    @Autowired
    DemoCatalog demoCatalog;

    @Test
    void loadingItIntoACatalogThatHasProductsAddsNothing() {
        long before = demoProducts();

        int loaded = demoCatalog.load();

        assertThat(loaded).isZero();
        assertThat(demoProducts()).isEqualTo(before).isEqualTo(36);
    }

    @Test
    void refusesToStartWithTheDemoCatalogUnderAProductionProfile() {
        List<String> arguments = new ArrayList<>();
        settings().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--server.port=0");
        arguments.add("--spring.profiles.active=production");
        assertThat(settings()).containsEntry("emporium.inventory.demo-catalog.enabled", true);

        assertThatExceptionOfType(Exception.class)
                .isThrownBy(() -> new SpringApplicationBuilder(InventoryServiceApplication.class)
                        .run(arguments.toArray(String[]::new)).close())
                .satisfies(ex -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex).getMessage())
                        .contains("demo catalog is enabled", "'production' profile", "unset DEMO_CATALOG"));
        assertThat(demoProducts()).isEqualTo(36);
    }

    private long demoProducts() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM products WHERE sku ~ '^(COF|KIT|STA|HOM|OUT|AUD)-'",
                Long.class);
        return count == null ? 0 : count;
    }
}
