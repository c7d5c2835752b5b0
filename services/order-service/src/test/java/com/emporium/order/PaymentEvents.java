package com.emporium.order;

import com.emporium.test.amqp.EventPublisher;
import com.emporium.test.amqp.TestBroker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** payment-service's PaymentSucceeded, published to the suite's vhost as its outbox relay would. */
final class PaymentEvents implements AutoCloseable {

    private final EventPublisher publisher;

    PaymentEvents(TestBroker broker) {
        publisher = EventPublisher.as("payment-service", broker);
    }

    /** PaymentSucceeded v1 for the order (aggregate = the order), with this event id; the event's id. */
    UUID succeeded(UUID eventId, UUID orderId, UUID paymentId, String amount) {
        return publisher.publish(eventId, "PaymentSucceeded", "payment.succeeded", orderId.toString(),
                payload(orderId, paymentId, amount));
    }

    UUID succeeded(UUID orderId, UUID paymentId, String amount) {
        return succeeded(UUID.randomUUID(), orderId, paymentId, amount);
    }

    static Map<String, Object> payload(UUID orderId, UUID paymentId, String amount) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", paymentId);
        payload.put("orderId", orderId);
        payload.put("customerId", UUID.randomUUID());
        payload.put("amount", new BigDecimal(amount));
        payload.put("currency", "USD");
        payload.put("chargeId", "ch_" + paymentId.toString().replace("-", ""));
        payload.put("succeededAt", Instant.now().toString());
        return payload;
    }

    @Override
    public void close() {
        publisher.close();
    }
}
