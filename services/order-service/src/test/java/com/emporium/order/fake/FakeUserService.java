package com.emporium.order.fake;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * user-service as order-service sees it: the JWKS its access tokens are checked against, and the OAuth2 token
 * endpoint that gives order-service its service token (client credentials with HTTP Basic, as
 * TokenEndpointController takes them). Tokens for customers and admins are signed with the same key.
 */
public final class FakeUserService implements AutoCloseable {

    public static final String ISSUER = "https://users.order-service.test";
    public static final String AUDIENCE = "emporium-order-service-test";
    public static final String CLIENT_ID = "order-service";
    public static final String CLIENT_SECRET = "order-service-it-secret";
    private static final Duration SERVICE_TOKEN_TTL = Duration.ofMinutes(15);

    /** A person with an account and the access token they hold. */
    public record Person(UUID id, String token) {
    }

    private final RSAKey key;
    private final HttpServer server;
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private FakeUserService(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    private volatile boolean tokensFailing;

    public static FakeUserService start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("order-service-it").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeUserService users = new FakeUserService(key, server);
            byte[] jwks = new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> answer(exchange, 200, jwks));
            server.createContext("/oauth2/token", users::token);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return users;
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String jwksUri() {
        return base() + "/.well-known/jwks.json";
    }

    /** How many service tokens order-service has asked for. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    public Person customer() {
        UUID id = UUID.randomUUID();
        return new Person(id, sign(id.toString(), List.of("customer")));
    }

    public Person admin() {
        UUID id = UUID.randomUUID();
        return new Person(id, sign(id.toString(), List.of("customer", "admin")));
    }

    /** A service's client-credentials token: order routes refuse it. */
    public String serviceToken(String clientId) {
        return sign(clientId, List.of("service"));
    }

    /** Whether {@code token} is one this user-service signed for a service, and not expired. */
    boolean isValidServiceToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))
                    && claims.getExpirationTime().toInstant().isAfter(Instant.now())
                    && claims.getStringListClaim("roles").contains("service");
        } catch (ParseException | JOSEException ex) {
            return false;
        }
    }

    /** Whether the token endpoint answers 503 (user-service sick) from now on. */
    public void failTokens(boolean failing) {
        tokensFailing = failing;
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            tokenRequests.incrementAndGet();
            if (tokensFailing) {
                answer(exchange, 503, "{\"error\":\"temporarily_unavailable\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!"POST".equals(exchange.getRequestMethod())
                    || !URLDecoder.decode(form, StandardCharsets.UTF_8).contains("grant_type=client_credentials")) {
                answer(exchange, 400, "{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String token = sign(CLIENT_ID, List.of("service"));
            answer(exchange, 200, ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + SERVICE_TOKEN_TTL.toSeconds() + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private String sign(String subject, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(SERVICE_TOKEN_TTL)))
                .jwtID(UUID.randomUUID().toString()).claim("roles", roles).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
