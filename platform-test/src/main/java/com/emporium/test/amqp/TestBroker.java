package com.emporium.test.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vhost on the machine's real RabbitMQ that one test suite (one JVM) owns, so suites that run side by side never
 * see each other's exchanges, queues or messages. The test user gets every permission on it. It is deleted when
 * the JVM exits; vhosts left by a JVM that died are deleted by the next suite.
 *
 * <p>The vhost is made with {@code rabbitmqctl} (see {@code TEST_RABBITMQCTL}), and the broker is reached as
 * {@code TEST_RABBITMQ_USER} / {@code TEST_RABBITMQ_PASSWORD} (default guest / guest) on {@code TEST_RABBITMQ_HOST}
 * : {@code TEST_RABBITMQ_PORT} (default 127.0.0.1:5672).
 */
public final class TestBroker {

    private static final String PREFIX = "it_";
    private static final Pattern OWNED = Pattern.compile("^it_[a-z0-9_]+?_p(\\d+)_[a-f0-9]{8}$");
    private static final Map<String, TestBroker> SHARED = new ConcurrentHashMap<>();

    private final String suite;
    private final String vhost;
    private final AtomicBoolean dropped = new AtomicBoolean();

    private TestBroker(String suite, String vhost) {
        this.suite = suite;
        this.vhost = vhost;
    }

    /** This JVM's vhost for {@code suite} (for example {@code "events"}), created on first use. */
    public static TestBroker shared(String suite) {
        return SHARED.computeIfAbsent(suite, TestBroker::create);
    }

    private static TestBroker create(String suite) {
        TestBroker broker = new TestBroker(suite, vhostName(suite, ProcessHandle.current().pid()));
        deleteAbandoned();
        Rabbitmqctl.run("add_vhost", broker.vhost);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::drop, "drop-" + broker.vhost));
        Rabbitmqctl.run("set_permissions", "-p", broker.vhost, broker.username(), ".*", ".*", ".*");
        broker.probe();
        return broker;
    }

    /** {@code it_<suite>_p<pid>_<8 hex>}: the pid says whose it is, so a later suite can tell when it was left. */
    static String vhostName(String suite, long pid) {
        String safe = suite.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return PREFIX + safe + "_p" + pid + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The process that made a vhost of this kit; empty for any other vhost. */
    static Optional<Long> ownerPid(String vhost) {
        Matcher owned = OWNED.matcher(vhost);
        return owned.matches() ? Optional.of(Long.parseLong(owned.group(1))) : Optional.empty();
    }

    private static void deleteAbandoned() {
        List<String> abandoned = Rabbitmqctl.run("-q", "list_vhosts", "name").stream()
                .map(String::strip)
                .filter(name -> ownerPid(name).filter(pid -> ProcessHandle.of(pid).isEmpty()).isPresent())
                .toList();
        for (String name : abandoned) {
            try {
                Rabbitmqctl.run("delete_vhost", name);
            } catch (IllegalStateException ex) {
                // another suite starting at the same time deleted it first
            }
        }
    }

    /** Fails now, with the settings to check, rather than in the first test that connects. */
    private void probe() {
        try (Connection connection = connectionFactory().newConnection("test-broker-probe")) {
            connection.getServerProperties();
        } catch (IOException | TimeoutException ex) {
            throw new IllegalStateException("made the vhost " + vhost + " but cannot connect to it as " + username()
                    + " on " + host() + ":" + port() + " (" + ex + "). Is RabbitMQ listening there, and are"
                    + " TEST_RABBITMQ_HOST, TEST_RABBITMQ_PORT, TEST_RABBITMQ_USER and TEST_RABBITMQ_PASSWORD right?",
                    ex);
        }
    }

    public String vhost() {
        return vhost;
    }

    public String host() {
        return setting("TEST_RABBITMQ_HOST", "127.0.0.1");
    }

    public int port() {
        return Integer.parseInt(setting("TEST_RABBITMQ_PORT", "5672"));
    }

    public String username() {
        return setting("TEST_RABBITMQ_USER", "guest");
    }

    public String password() {
        return setting("TEST_RABBITMQ_PASSWORD", "guest");
    }

    /**
     * The AMQP URI {@code amqp://user:password@host:port/vhost}, each part percent-encoded as the AMQP URI spec
     * (and the RabbitMQ client's {@code ConnectionFactory.setUri}) wants: the value for a service's
     * {@code RABBITMQ_URL}. The vhost's own name never needs encoding.
     */
    public String url() {
        return url(host(), port());
    }

    /** The same, through another address (a {@code TcpProxy} in front of RabbitMQ). */
    public String url(String host, int port) {
        return "amqp://" + encode(username()) + ":" + encode(password()) + "@" + host + ":" + port + "/"
                + encode(vhost);
    }

    /** A new factory for connections to this vhost, for tests that publish or look at queues themselves. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host());
        factory.setPort(port());
        factory.setUsername(username());
        factory.setPassword(password());
        factory.setVirtualHost(vhost);
        return factory;
    }

    /**
     * Deletes the vhost, with everything in it, and closes the connections to it; once is enough. A later
     * {@link #shared(String)} for the same suite makes a new one.
     */
    public void drop() {
        if (dropped.compareAndSet(false, true)) {
            SHARED.remove(suite, this);
            try {
                Rabbitmqctl.run("delete_vhost", vhost);
            } catch (IllegalStateException ex) {
                System.err.println("could not delete test vhost " + vhost + ": " + ex.getMessage());
            }
        }
    }

    /** A URI component: in the path, the form encoder's '+' for a space would stay a '+'. */
    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
