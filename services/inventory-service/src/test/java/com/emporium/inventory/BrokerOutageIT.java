package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker cut off from the service while orders are cancelled: the cancellations wait in the service's queue,
 * and once the link is back each has its effect exactly once, so the stock is right to the unit.
 */
class BrokerOutageIT extends InventoryServiceIT {

    private static final int ORDERS = 30;
    private static final int CONFIRMED = 10;

    @Test
    void ordersCancelledWhileTheBrokerIsUnreachableGiveBackExactlyTheirStockOnceItIsBack() throws Exception {
        UUID product = Catalog.withStock(api, 200);
        List<UUID> orders = new ArrayList<>();
        int reserved = 0;
        for (int i = 0; i < ORDERS; i++) {
            UUID orderId = UUID.randomUUID();
            int quantity = i % 3 + 1;
            assertThat(Reservations.reserve(api, orderId, product, quantity).status()).isEqualTo(201);
            orders.add(orderId);
            reserved += quantity;
        }
        int shipped = 0;
        try (OrderEventsPublisher publisher = new OrderEventsPublisher(BROKER)) {
            for (int i = 0; i < CONFIRMED; i++) {
                publisher.confirmed(orders.get(i));
                shipped += i % 3 + 1;
            }
            for (int i = 0; i < CONFIRMED; i++) {
                awaitStatus(orders.get(i), "committed");
            }
            StockRow before = new StockRow(200 - shipped, reserved - shipped, 200 - reserved);
            assertThat(stock(product)).isEqualTo(before);

            BROKER_LINK.cut();
            try {
                List<UUID> events = new ArrayList<>();
                for (int i = 0; i < ORDERS; i++) {
                    events.add(publisher.cancelled(orders.get(i), i < CONFIRMED ? "confirmed" : "pending"));
                }
                for (int i = 0; i < ORDERS; i += 3) {
                    // a relay that died before marking them sent publishes some again, with the same ids
                    publisher.publish(events.get(i), "OrderCancelled", "order.cancelled", orders.get(i),
                            OrderEventsPublisher.cancelledPayload(orders.get(i), "pending"));
                }
                assertThat(stock(product)).as("nothing reaches the service while it is cut off").isEqualTo(before);
            } finally {
                BROKER_LINK.restore();
            }
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM reservations r JOIN reservation_lines l ON l.order_id = r.order_id "
                        + "WHERE l.product_id = ? AND r.status = 'released'", Long.class, product) == ORDERS);
        assertThat(stock(product)).isEqualTo(new StockRow(200, 0, 200));
    }
}
