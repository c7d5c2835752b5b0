package com.emporium.platform;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for user-service's {@code /.well-known/jwks.json}: serves the public half of the keys it is given. */
final class JwksServer implements AutoCloseable {

    private static final String PATH = "/.well-known/jwks.json";

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile JWKSet keys = new JWKSet();

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    static JwksServer serving(JWK... keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            JwksServer jwks = new JwksServer(server);
            jwks.serve(keys);
            server.createContext(PATH, jwks::answer);
            server.start();
            return jwks;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** From now on, the set holds these keys (public parts only), as after a rotation. */
    void serve(JWK... keys) {
        this.keys = new JWKSet(List.of(keys)).toPublicJWKSet();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** How many times the set was fetched. */
    int fetches() {
        return fetches.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            fetches.incrementAndGet();
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
