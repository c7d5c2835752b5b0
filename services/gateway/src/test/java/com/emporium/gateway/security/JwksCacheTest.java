package com.emporium.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.gateway.GatewayProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

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
    void fetchesOnceAndServesKnownKeysFromTheCache() {
        RSAKey key = key();
        published.set(new JWKSet(key.toPublicJWK()).toString());

        for (int i = 0; i < 3; i++) {
            assertThat(cache.keysFor(tokenSignedBy(key)).collectList().block()).hasSize(1);
        }

        assertThat(fetches).hasValue(1);
    }

    @Test
    void picksUpAKeyRotatedInJustAfterAFetchWithOneMoreFetchForAllWhoWait() {
        JwksCache quick = new JwksCache(WebClient.create(), "http://127.0.0.1:" + server.getAddress().getPort()
                + "/jwks", new GatewayProperties.Jwks(Duration.ofMillis(300), Duration.ofMinutes(5),
                        Duration.ofSeconds(2)), Clock.systemUTC());
        RSAKey old = key();
        RSAKey rotated = key();
        List<SignedJWT> callers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // five callers naming the new key, and five naming keys nobody published
            callers.add(i < 5 ? tokenSignedBy(rotated) : tokenSignedBy(key()));
        }
        published.set(new JWKSet(old.toPublicJWK()).toString());
        quick.keysFor(tokenSignedBy(old)).collectList().block();
        published.set(new JWKSet(List.of(old.toPublicJWK(), rotated.toPublicJWK())).toString());

        // all within the interval after that fetch
        List<List<JWK>> waiting = Flux.fromIterable(callers)
                .flatMap(token -> quick.keysFor(token).collectList())
                .collectList().block();

        assertThat(waiting).filteredOn(keys -> !keys.isEmpty()).hasSize(5);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void reportsAJwksThatCannotBeFetchedAndDoesNotRetryAtOnce() {
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

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static SignedJWT tokenSignedBy(RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("s").build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt;
    }
}
