package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * OrderConfirmed and OrderCancelled, published to the suite's vhost as order-service publishes them: each moves the
 * order's reservation once, however often it arrives.
 */
class OrderEventsIT extends InventoryServiceIT {

    private static final OrderEventsPublisher ORDERS = new OrderEventsPublisher(BROKER);

    @AfterAll
    static void closePublisher() throws Exception {
        ORDERS.close();
    }

    @Test
    void aConfirmedOrderTakesItsReservedStockOffTheShelf() {
        UUID product = Catalog.withStock(api, 10);
        UUID orderId = reserved(product, 3);

        ORDERS.confirmed(orderId);

        awaitStatus(orderId, "committed");
        assertThat(stock(product)).isEqualTo(new StockRow(7, 0, 7));
    }

    @Test
    void aConfirmationDeliveredAgainOrSentTwiceHasNoSecondEffect() {
        UUID product = Catalog.withStock(api, 10);
        UUID orderId = reserved(product, 3);
        UUID eventId = ORDERS.confirmed(orderId);
        awaitStatus(orderId, "committed");

        ORDERS.publish(eventId, "OrderConfirmed", "order.confirmed", orderId,
                OrderEventsPublisher.confirmedPayload(orderId));
        ORDERS.confirmed(orderId);
        awaitEverythingBeforeHandled();

        assertThat(stock(product)).isEqualTo(new StockRow(7, 0, 7));
        assertThat(reservationStatus(orderId)).isEqualTo("committed");
    }

    @Test
    void aCancelledOrderThatWasPendingReleasesItsStock() {
        UUID product = Catalog.withStock(api, 10);
        UUID orderId = reserved(product, 4);

        ORDERS.cancelled(orderId, "pending");

        awaitStatus(orderId, "released");
        assertThat(stock(product)).isEqualTo(new StockRow(10, 0, 10));
    }

    @Test
    void aCancelledOrderThatWasConfirmedPutsItsStockBackOnHandOnceHoweverOftenItArrives() {
        UUID product = Catalog.withStock(api, 10);
        UUID orderId = reserved(product, 3);
        ORDERS.confirmed(orderId);
        awaitStatus(orderId, "committed");

        UUID cancellation = ORDERS.cancelled(orderId, "confirmed");
        awaitStatus(orderId, "released");
        ORDERS.publish(cancellation, "OrderCancelled", "order.cancelled", orderId,
                OrderEventsPublisher.cancelledPayload(orderId, "confirmed"));
        ORDERS.cancelled(orderId, "confirmed");
        awaitEverythingBeforeHandled();

        assertThat(stock(product)).isEqualTo(new StockRow(10, 0, 10));
    }

    @Test
    void aConfirmationAfterTheHoldLapsedTakesTheStockAgainWhenItIsStillThere() {
        UUID product = Catalog.withStock(api, 10);
        UUID orderId = reserved(product, 2);
        endHold(orderId);
        awaitStatus(orderId, "expired");
        assertThat(stock(product)).isEqualTo(new StockRow(10, 0, 10));

        ORDERS.confirmed(orderId);

        awaitStatus(orderId, "committed");
        assertThat(stock(product)).isEqualTo(new StockRow(8, 0, 8));
    }

    @Test
    void aConfirmationHandledAfterTheOrderWasCancelledTakesNothing() {
        UUID product = Catalog.withStock(api, 10);
        UUID orderId = reserved(product, 2);
        endHold(orderId);
        awaitStatus(orderId, "expired");
        ORDERS.cancelled(orderId, "pending");
        awaitEverythingBeforeHandled();

        // a dead-lettered confirmation replayed by an admin after the cancellation, say
        UUID confirmation = ORDERS.confirmed(orderId);
        awaitEverythingBeforeHandled();

        assertThat(stock(product)).isEqualTo(new StockRow(10, 0, 10));
        assertThat(reservationStatus(orderId)).isEqualTo("expired");
        assertThat(DeadLetterIT.findLetter(api, confirmation.toString())).isEmpty();
    }

    @Test
    void aCancellationOfAnOrderThatNeverReservedHereChangesNothingAndIsNotDeadLettered() {
        UUID orderId = UUID.randomUUID();

        UUID eventId = ORDERS.cancelled(orderId, "pending");
        awaitEverythingBeforeHandled();

        assertThat(DeadLetterIT.findLetter(api, eventId.toString())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservations WHERE order_id = ?", Long.class, orderId))
                .isZero();
    }

    @Test
    void releasingACommittedReservationThroughTheApiLeavesItCommitted() {
        UUID product = Catalog.withStock(api, 10);
        UUID orderId = reserved(product, 3);
        ORDERS.confirmed(orderId);
        awaitStatus(orderId, "committed");

        ApiResponse released = api.delete(Reservations.PATH + "/" + orderId).bearer(TOKENS.service()).send();

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("committed");
        assertThat(stock(product)).isEqualTo(new StockRow(7, 0, 7));
    }

    private UUID reserved(UUID product, int quantity) {
        UUID orderId = UUID.randomUUID();
        assertThat(Reservations.reserve(api, orderId, product, quantity).status()).isEqualTo(201);
        return orderId;
    }

    /**
     * The queue has one active consumer, which handles its messages in order: once a marker published last has
     * had its effect, everything published before it has been handled too.
     */
    private void awaitEverythingBeforeHandled() {
        UUID marker = reserved(Catalog.withStock(api, 1), 1);
        ORDERS.cancelled(marker, "pending");
        awaitStatus(marker, "released");
    }
}
