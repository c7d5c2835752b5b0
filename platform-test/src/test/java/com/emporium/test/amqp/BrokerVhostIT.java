package com.emporium.test.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.test.net.TcpProxy;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The vhost a suite owns on the real broker, made, reached, refused when missing and cleaned up. */
class BrokerVhostIT {

    private final TestBroker broker = TestBroker.shared("platform-test");

    @Test
    void givesTheSuiteAVhostThatItsUserCanUse() throws Exception {
        try (Connection connection = broker.connectionFactory().newConnection("vhost-check")) {
            connection.createChannel().queueDeclare();

            assertThat(connection.isOpen()).isTrue();
        }
        assertThat(vhosts()).contains(broker.vhost());
    }

    @Test
    void reachesTheVhostByItsUrlDirectlyAndThroughAProxy() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(broker.host(), broker.port())) {
            for (String url : List.of(broker.url(), broker.url(proxy.host(), proxy.port()))) {
                ConnectionFactory factory = new ConnectionFactory();
                factory.setUri(url);

                try (Connection connection = factory.newConnection("url-check")) {
                    assertThat(factory.getVirtualHost()).isEqualTo(broker.vhost());
                    assertThat(connection.isOpen()).isTrue();
                }
            }
        }
    }

    @Test
    void refusesAConnectionToAVhostThatDoesNotExist() {
        ConnectionFactory factory = broker.connectionFactory();
        factory.setVirtualHost("it_missing_" + UUID.randomUUID());

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> factory.newConnection("missing-vhost-check"))
                .havingRootCause()
                .withMessageContaining("NOT_ALLOWED - vhost " + factory.getVirtualHost() + " not found");
    }

    @Test
    void deletesTheVhostsLeftBySuitesWhoseProcessIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        String abandoned = TestBroker.vhostName("ghost", finished.pid());
        Rabbitmqctl.run("add_vhost", abandoned);
        assertThat(vhosts()).contains(abandoned);

        TestBroker janitor = TestBroker.shared("janitor");

        assertThat(vhosts()).doesNotContain(abandoned).contains(broker.vhost(), janitor.vhost());
    }

    @Test
    void dropsItsVhostAndMakesANewOneWhenAskedAgain() {
        TestBroker dropped = TestBroker.shared("dropped");
        assertThat(vhosts()).contains(dropped.vhost());

        dropped.drop();

        assertThat(vhosts()).doesNotContain(dropped.vhost());
        assertThat(TestBroker.shared("dropped").vhost()).isNotEqualTo(dropped.vhost());
    }

    private static List<String> vhosts() {
        return Rabbitmqctl.run("-q", "list_vhosts", "name");
    }
}
