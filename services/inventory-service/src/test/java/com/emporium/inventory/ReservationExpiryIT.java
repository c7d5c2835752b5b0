package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Reservations that nobody confirms or cancels expire on their own. This class runs the service with a hold of one
 * second, in a context of its own; the context is closed after the class (DirtiesContext) so that it does not run
 * beside the suite's shared context for the rest of the suite.
 */
@TestPropertySource(properties = "emporium.inventory.reservations.hold=1s")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReservationExpiryIT extends InventoryServiceIT {

    @Test
    void aHeldReservationExpiresWhenItsHoldEndsAndItsStockIsAvailableAgain() {
        UUID product = Catalog.withStock(api, 5);
        UUID orderId = UUID.randomUUID();
        Instant before = Instant.now();

        ApiResponse reserved = Reservations.reserve(api, orderId, product, 3);

        assertThat(reserved.status()).isEqualTo(201);
        assertThat(Instant.parse(reserved.json().get("expiresAt").asString()))
                .isBetween(before.plusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(stock(product)).isEqualTo(new StockRow(5, 3, 2));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> reservationStatus(orderId).equals("expired"));
        assertThat(stock(product)).isEqualTo(new StockRow(5, 0, 5));
        ApiResponse read = api.get(Reservations.PATH + "/" + orderId).bearer(TOKENS.service()).send();
        assertThat(read.json().get("status").asString()).isEqualTo("expired");
    }

    @Test
    void expiringGivesBackExactlyWhatEachReservationHeldAndLeavesTheRestAlone() {
        UUID product = Catalog.withStock(api, 20);
        UUID released = UUID.randomUUID();
        Reservations.reserve(api, released, product, 4);
        api.delete(Reservations.PATH + "/" + released).bearer(TOKENS.service()).send();
        for (int i = 0; i < 5; i++) {
            assertThat(Reservations.reserve(api, UUID.randomUUID(), product, 2).status()).isEqualTo(201);
        }
        assertThat(stock(product).reserved()).isEqualTo(10);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> stock(product).reserved() == 0);

        assertThat(stock(product)).isEqualTo(new StockRow(20, 0, 20));
        assertThat(reservationStatus(released)).as("a released reservation is not expired as well")
                .isEqualTo("released");
    }

    @Test
    void anExpiredOrderAskingAgainGetsItsExpiredReservationAndNoStock() {
        UUID product = Catalog.withStock(api, 5);
        UUID orderId = UUID.randomUUID();
        Reservations.reserve(api, orderId, product, 2);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> reservationStatus(orderId).equals("expired"));

        ApiResponse again = Reservations.reserve(api, orderId, product, 2);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("expired");
        assertThat(stock(product).reserved()).isZero();
    }
}
