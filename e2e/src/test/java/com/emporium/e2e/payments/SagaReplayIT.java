package com.emporium.e2e.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
import com.emporium.e2e.DatabaseUrl;
import com.emporium.e2e.Payments;
import com.emporium.e2e.Platform;
import com.emporium.e2e.PlatformControl;
import com.emporium.e2e.Reconciliation;
import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import com.emporium.test.amqp.EventPublisher;
import com.emporium.test.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every handler of the saga is idempotent and the saga ends the same whatever order its events arrive in. Four
 * sagas run to their end (paid; paid then cancelled and refunded; declined then paid; cancelled unpaid). Then every
 * event they published is delivered again, shuffled, each twice: once as it was (a duplicate the inboxes know) and
 * once under a new event id (which only the handlers themselves can recognise). Nothing may change: no status,
 * payment, refund, charge, unit of stock or new event.
 */
class SagaReplayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Checkout checkout = new Checkout();

    @Test
    void theSagasEventsDeliveredAgainShuffledAndTwiceChangeNothing() {
        PlatformControl.assumeOwnPlatform();
        Account customer = Accounts.customer();
        Product product = Catalog.product(10, "3.50");
        List<UUID> orders = new ArrayList<>();
        List<CapturedMessage> published;
        try (EventCapture events = EventCapture.bind(PlatformControl.broker(), EventPublisher.EXCHANGE, "order.*",
                "payment.*")) {
            UUID paid = checkout.place(customer, product.id(), 1);
            UUID refunded = checkout.place(customer, product.id(), 2);
            UUID declinedThenPaid = checkout.place(customer, product.id(), 3);
            UUID cancelledUnpaid = checkout.place(customer, product.id(), 1);
            orders.addAll(List.of(paid, refunded, declinedThenPaid, cancelledUnpaid));

            assertThat(Payments.pay(checkout.payments, customer, paid, Payments.TOKEN_SUCCEEDS).status())
                    .isEqualTo(201);
            ApiResponse toRefund = Payments.pay(checkout.payments, customer, refunded, Payments.TOKEN_SUCCEEDS);
            assertThat(Payments.pay(checkout.payments, customer, declinedThenPaid, Payments.TOKEN_DECLINED).status())
                    .isEqualTo(402);
            assertThat(Payments.pay(checkout.payments, customer, declinedThenPaid, Payments.TOKEN_SUCCEEDS).status())
                    .isEqualTo(201);
            checkout.orders.put("/api/orders/" + cancelledUnpaid + "/cancel").bearer(customer.accessToken()).send();
            checkout.awaitOrder(customer, refunded, "confirmed");
            checkout.orders.put("/api/orders/" + refunded + "/cancel").bearer(customer.accessToken()).send();
            checkout.awaitPayment(customer, toRefund.json().get("id").asString(), "refunded");
            checkout.awaitOrder(customer, paid, "confirmed");
            checkout.awaitOrder(customer, declinedThenPaid, "confirmed");
            awaitQuiet();
            published = events.all().stream().filter(message -> orders.stream()
                    .anyMatch(order -> message.bodyText().contains(order.toString()))).toList();
        }
        assertThat(published).extracting(CapturedMessage::type).contains("OrderPlaced", "OrderConfirmed",
                "OrderCancelled", "PaymentSucceeded", "PaymentFailed", "PaymentRefunded");
        Map<UUID, Integer> stock = Map.of(product.id(), 10);
        Reconciliation.of(orders).assertConsistent(stock);
        Map<String, Object> before = snapshot(orders);

        long seed = System.nanoTime();
        System.out.println("SagaReplayIT: delivering " + published.size() + " events again twice, shuffled with seed "
                + seed);
        List<CapturedMessage> again = new ArrayList<>();
        for (CapturedMessage message : published) {
            again.add(message);
            again.add(withNewId(message));
        }
        Collections.shuffle(again, new Random(seed));
        Map<String, EventPublisher> publishers = new HashMap<>();
        try {
            for (CapturedMessage message : again) {
                String appId = Objects.requireNonNullElse(message.appId(), "unknown");
                publishers.computeIfAbsent(appId, id -> EventPublisher.as(id, PlatformControl.broker()))
                        .publishBody(UUID.fromString(Objects.requireNonNull(message.messageId())),
                                Objects.requireNonNull(message.type()), message.routingKey(),
                                Objects.requireNonNullElse(message.timestamp(), Instant.now()), message.body());
            }
        } finally {
            publishers.values().forEach(EventPublisher::close);
        }
        awaitQuiet();

        assertThat(snapshot(orders)).as("the state after the replay (seed %d)", seed).isEqualTo(before);
        Reconciliation.of(orders).assertConsistent(stock);
    }

    /** The same event under a new id, in the envelope and the message's properties alike. */
    private static CapturedMessage withNewId(CapturedMessage message) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(message.bodyText());
        String id = UUID.randomUUID().toString();
        envelope.put("id", id);
        return new CapturedMessage(message.exchange(), message.routingKey(), id, message.type(),
                message.contentType(), message.deliveryMode(), message.appId(), message.timestamp(),
                message.headers(), JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until every consumer of the run has caught up: every queue empty, twice in a row a second apart. */
    private static void awaitQuiet() {
        await().atMost(Checkout.PATIENCE).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> PlatformControl.queuesIdle() && PlatformControl.queuesIdle());
    }

    /** What each service holds about these orders, beyond what the reconciliation checks: times and event counts. */
    private static Map<String, Object> snapshot(List<UUID> orders) {
        Map<String, Object> state = new LinkedHashMap<>();
        UUID[] ids = orders.toArray(UUID[]::new);
        Set<String> aggregates = orders.stream().map(UUID::toString).collect(Collectors.toSet());
        state.put("orders", rows(Platform.current().orderServiceDatabase(), """
                SELECT id, status, payment_id, updated_at, cancelled_at, cancellation_reason FROM orders
                WHERE id = ANY (?) ORDER BY id""", ids));
        state.put("order events", rows(Platform.current().orderServiceDatabase(), """
                SELECT aggregate_id, count(*) FROM event_outbox WHERE aggregate_id = ANY (?)
                GROUP BY aggregate_id ORDER BY aggregate_id""", aggregates.toArray(String[]::new)));
        state.put("payments", rows(Platform.current().paymentServiceDatabase(), """
                SELECT id, order_id, status, refund_status, updated_at FROM payments WHERE order_id = ANY (?)
                ORDER BY id""", ids));
        state.put("refunds", rows(Platform.current().paymentServiceDatabase(), """
                SELECT r.id, r.status, r.amount_minor FROM refunds r JOIN payments p ON p.id = r.payment_id
                WHERE p.order_id = ANY (?) ORDER BY r.id""", ids));
        state.put("payment events", rows(Platform.current().paymentServiceDatabase(), """
                SELECT aggregate_id, count(*) FROM event_outbox WHERE aggregate_id = ANY (?)
                GROUP BY aggregate_id ORDER BY aggregate_id""", aggregates.toArray(String[]::new)));
        state.put("reservations", rows(Platform.current().inventoryServiceDatabase(), """
                SELECT order_id, status, updated_at FROM reservations WHERE order_id = ANY (?) ORDER BY order_id""",
                ids));
        state.put("charges", orders.stream().collect(Collectors.toMap(UUID::toString, Payments::chargesOfOrder)));
        return state;
    }

    private static List<List<Object>> rows(DatabaseUrl database, String sql, Object[] parameter) {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf(parameter instanceof UUID[] ? "uuid" : "text", parameter));
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    List<Object> values = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        values.add(Objects.toString(row.getObject(column)));
                    }
                    rows.add(values);
                }
            }
            return rows;
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read " + database + ": " + sql, ex);
        }
    }
}
