package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service on one database, as a deployment runs them, and fifty shoppers racing for the last
 * ten units: the database's row lock and guarded update let exactly ten through, whichever instance each reaches.
 */
class OversellIT extends InventoryServiceIT {

    private static final int SHOPPERS = 50;
    private static final int LAST_UNITS = 10;
    private static ConfigurableApplicationContext secondInstance;

    @BeforeAll
    static void startASecondInstance() {
        List<String> arguments = new ArrayList<>();
        settings().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--server.port=0");
        secondInstance = new SpringApplicationBuilder(InventoryServiceApplication.class)
                .run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void fiftyShoppersOnTwoInstancesRacingForTheLastTenUnitsGetExactlyTen() throws Exception {
        UUID product = Catalog.withStock(api, LAST_UNITS);
        int secondPort = ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
        List<ApiClient> instances = List.of(api, ApiClient.local(secondPort, ContractRecorder.shared("inventory-service")));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();

        try (ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SHOPPERS; i++) {
                ApiClient instance = instances.get(i % 2);
                answers.add(shoppers.submit(() -> {
                    start.await();
                    return Reservations.reserve(instance, UUID.randomUUID(), product, 1);
                }));
            }
            start.countDown();
        }

        List<ApiResponse> responses = new ArrayList<>();
        for (Future<ApiResponse> answer : answers) {
            responses.add(answer.get());
        }
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(LAST_UNITS);
        assertThat(responses.stream().filter(r -> r.status() == 422)).hasSize(SHOPPERS - LAST_UNITS)
                .allSatisfy(r -> assertThat(r.json().get("type").asString())
                        .isEqualTo("urn:problem:emporium:insufficient-stock"));
        assertThat(stock(product)).isEqualTo(new StockRow(LAST_UNITS, LAST_UNITS, 0));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation_lines WHERE product_id = ?", Long.class,
                product)).isEqualTo(LAST_UNITS);
        assertThat(responses.stream().map(r -> r.uri().getPort()).distinct()).as("half the shoppers on each instance")
                .hasSize(2);
    }
}
