package com.emporium.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.order.orders.CustomerId;
import com.emporium.order.orders.OrderId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order id of a keyed request: the same for the same customer and key, another for anything else. */
class OrderIdsTest {

    private final CustomerId ada = new CustomerId(UUID.fromString("0b8e1c52-6a2f-4c1d-9e3b-7f5a4d2c1b0a"));
    private final CustomerId bob = new CustomerId(UUID.fromString("5c3d2e1f-0a9b-4c8d-8e7f-6a5b4c3d2e1f"));

    @Test
    void derivesTheSameIdForTheSameCustomerAndKey() {
        assertThat(OrderIds.derive(ada, "key-1")).isEqualTo(OrderIds.derive(ada, "key-1"));
    }

    @Test
    void derivesAnotherIdForAnotherKeyOrCustomer() {
        OrderId id = OrderIds.derive(ada, "key-1");

        assertThat(OrderIds.derive(ada, "key-2")).isNotEqualTo(id);
        assertThat(OrderIds.derive(bob, "key-1")).isNotEqualTo(id);
    }

    @Test
    void makesANameBasedVersion5Uuid() {
        UUID id = OrderIds.derive(ada, "key-1").value();

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }
}
