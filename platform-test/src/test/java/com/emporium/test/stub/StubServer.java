package com.emporium.test.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A real HTTP server on a random port of the loopback address that answers each method and path with the
 * {@link Reply} a test gave it, records what it received, and answers 599 to anything it was not told about.
 */
public final class StubServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private StubServer(HttpServer server) {
        this.server = server;
    }

    public static StubServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubServer stub = new StubServer(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, answers this method and path (query ignored) with this reply. */
    public StubServer on(String method, String path, Reply reply) {
        replies.put(key(method, path), reply);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastReceived() {
        return received.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRemoteAddress().getAddress(), exchange.getRequestMethod(),
                    exchange.getRequestURI(), lowerCaseNames(exchange.getRequestHeaders()), in.readAllBytes()));
            Reply reply = replies.getOrDefault(key(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()),
                    Reply.status(599).body("text/plain", "no reply set up"));
            reply.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
            byte[] body = reply.bodyBytes();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(
                header -> header.getKey().toLowerCase(Locale.ROOT), header -> List.copyOf(header.getValue()),
                (first, second) -> first));
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
