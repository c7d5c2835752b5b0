package com.emporium.test.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens as user-service signs them (RS256, {@code kid}, issuer, audience, subject, {@code roles}), from a
 * key of the suite's own published on a loopback JWKS endpoint the service is pointed at: the suite plays
 * user-service, and the service verifies every token as it would in production. One per JVM ({@link #shared()}), so
 * every suite's Spring contexts share a key; point the service at it with {@code JWT_JWKS_URI} = {@link #jwksUri()},
 * {@code JWT_ISSUER} = {@link #ISSUER} and {@code JWT_AUDIENCE} = {@link #AUDIENCE}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://users.emporium.test";
    public static final String AUDIENCE = "emporium-test";
    private static final TestTokens SHARED = new TestTokens();

    private final RSAKey key;
    private final HttpServer jwks;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("emporium-test").generate();
            jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException ex) {
            throw new IllegalStateException(ex);
        }
        byte[] keys = new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                out.write(keys);
            }
        });
        jwks.start();
    }

    public static TestTokens shared() {
        return SHARED;
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public String admin() {
        return withRoles("admin");
    }

    public String customer() {
        return withRoles("customer");
    }

    /** A client-credentials token as order-service holds one. */
    public String service() {
        return forSubject("order-service", "service");
    }

    public String withRoles(String... roles) {
        return forSubject(UUID.randomUUID().toString(), roles);
    }

    public String forSubject(String subject, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("roles", List.of(roles)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }
}
