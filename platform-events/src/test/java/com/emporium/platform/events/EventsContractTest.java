package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.events.EventContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository's event document is one the validator accepts, so every publisher's tests can rely on it. */
class EventsContractTest {

    private static final String EVENT_ID = "5b0f6f0e-3c1a-4d7e-9a4b-2f8c1d0e6a77";

    @Test
    void theRepositorysEventDocumentLoadsUnderTheConventionsTheValidatorChecks() {
        EventContract contract = EventContract.forRepository();

        assertThat(contract.document()).endsWith(Path.of("contracts", "events.yaml"));
        assertThat(contract.documentedRoutingKeys()).allSatisfy(key -> assertThat(key).matches("[a-z]+\\.[a-z-]+"));
    }

    @Test
    void anAmountWithTwoDecimalsConformsAndOneWithThreeDoesNot() {
        EventContract contract = EventContract.load(EventContract.forRepository().document());

        contract.validate(orderConfirmed("19.99"));
        contract.validate(orderConfirmed("1234567.10"));

        assertThat(contract.seenMessageNames()).containsExactly("OrderConfirmed");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> contract.validate(orderConfirmed("19.999")))
                .withMessageContaining("totalAmount");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> contract.validate(orderConfirmed("-1.00")))
                .withMessageContaining("totalAmount");
    }

    private static CapturedMessage orderConfirmed(String totalAmount) {
        String body = """
                {"id":"%s","type":"OrderConfirmed","version":1,"occurredAt":"2026-11-25T10:00:00Z",
                 "aggregateId":"0c8e4f4a-6a55-4f7e-8f0e-6d2b7a1c9e10",
                 "payload":{"orderId":"0c8e4f4a-6a55-4f7e-8f0e-6d2b7a1c9e10",
                  "customerId":"7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6","totalAmount":%s,"currency":"USD",
                  "confirmedAt":"2026-11-25T10:00:00Z"}}""".formatted(EVENT_ID, totalAmount);
        return new CapturedMessage("emporium.events", "order.confirmed", EVENT_ID, "OrderConfirmed",
                "application/json", 2, "order-service", Instant.parse("2026-11-25T10:00:00Z"),
                Map.of("event-version", 1), body.getBytes(StandardCharsets.UTF_8));
    }
}
