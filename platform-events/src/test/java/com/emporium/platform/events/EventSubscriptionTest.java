package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class EventSubscriptionTest {

    record Shipped(String orderId) {
    }

    @Test
    void holdsItsBindingsAndOneHandlerPerEventType() {
        EventSubscription subscription = EventSubscription.named("order-events").bind("order.*", "payment.#")
                .on("OrderShipped", Shipped.class, (event, meta) -> { })
                .build();

        assertThat(subscription.bindingKeys()).containsExactly("order.*", "payment.#");
        assertThat(subscription.handlers()).containsOnlyKeys("OrderShipped");
        assertThat(subscription.handlers().get("OrderShipped").payloadType()).isEqualTo(Shipped.class);
    }

    @Test
    void refusesTwoHandlersForOneType() {
        EventSubscription.Builder builder = EventSubscription.named("order-events").bind("order.*")
                .on("OrderShipped", Shipped.class, (event, meta) -> { });

        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.on("OrderShipped", Shipped.class, (event, meta) -> { }))
                .withMessageContaining("two handlers for OrderShipped");
    }

    @Test
    void refusesANameThatCannotBeAQueueSuffixAndASubscriptionThatBindsNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubscription.named("Order Events").bind("x").build())
                .withMessageContaining("lower-case");
        assertThatIllegalArgumentException().isThrownBy(() -> EventSubscription.named("orders").build())
                .withMessageContaining("binds no routing key");
    }
}
