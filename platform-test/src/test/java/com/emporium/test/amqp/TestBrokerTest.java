package com.emporium.test.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestBrokerTest {

    @Test
    void namesTheVhostForTheSuiteAndTheProcessThatOwnsIt() {
        String vhost = TestBroker.vhostName("Order-Service", 4242);

        assertThat(vhost).matches("it_order_service_p4242_[0-9a-f]{8}");
        assertThat(TestBroker.ownerPid(vhost)).contains(4242L);
    }

    @Test
    void givesEachNewVhostANameOfItsOwn() {
        assertThat(TestBroker.vhostName("events", 7)).isNotEqualTo(TestBroker.vhostName("events", 7));
    }

    @Test
    void claimsNoVhostItDidNotName() {
        assertThat(TestBroker.ownerPid("/")).isEmpty();
        assertThat(TestBroker.ownerPid("it_orders")).isEmpty();
        assertThat(TestBroker.ownerPid("it_orders_pabc_0123abcd")).isEmpty();
        assertThat(TestBroker.ownerPid("shop_orders_p12_0123abcd")).isEmpty();
    }
}
