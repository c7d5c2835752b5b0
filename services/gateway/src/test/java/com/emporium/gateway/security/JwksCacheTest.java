package com.emporium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.gateway.GatewayProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class JwksCacheTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final HttpServer server = startServer();
    private final GatewayProperties.Jwks settings =
            new GatewayProperties.Jwks(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(2));
    private final JwksCache cache = new JwksCache(WebClient.create(),
            "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks", settings, Clock.systemUTC());

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesOnceAndServesKnownKeysFromTheCache() throws Exception {
        RSAKey key = key();
        published.set(new JWKSet(key.toPublicJWK()).toString());

        for (int i = 0; i < 3; i++) {
            assertThat(cache.keysFor(tokenSignedBy(key)).collectList().block()).hasSize(1);
        }

        assertThat(fetches).hasValue(1);
    }

    @Test
    void fetchesAgainForAnUnknownKidOnlyOncePerInterval() throws Exception {
        RSAKey known = key();
        published.set(new JWKSet(known.toPublicJWK()).toString());
        cache.keysFor(tokenSignedBy(known)).collectList().block();

        for (int i = 0; i < 5; i++) {
            assertThat(cache.keysFor(tokenSignedBy(key())).collectList().block()).isEmpty();
        }

        // the first fetch started moments ago: a made-up kid does not trigger another within the interval
        assertThat(fetches).hasValue(1);
    }

    @Test
    void reportsAJwksThatCannotBeFetchedAndDoesNotRetryAtOnce() throws Exception {
        status.set(500);
        SignedJWT token = tokenSignedBy(key());

        assertThatExceptionOfType(JwksCache.JwksUnavailable.class)
                .isThrownBy(() -> cache.keysFor(token).collectList().block());
        assertThatExceptionOfType(JwksCache.JwksUnavailable.class)
                .isThrownBy(() -> cache.keysFor(token).collectList().block());
        assertThat(fetches).hasValue(1);
    }

    private HttpServer startServer() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            http.createContext("/jwks", exchange -> {
                fetches.incrementAndGet();
                byte[] body = String.valueOf(published.get()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status.get(), body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            return http;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey key() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(java.util.UUID.randomUUID().toString()).generate();
    }

    private static SignedJWT tokenSignedBy(RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("s").build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt;
    }
}
