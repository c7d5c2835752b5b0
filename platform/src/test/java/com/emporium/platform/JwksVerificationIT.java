package com.emporium.platform;

import static com.emporium.platform.AccessTokens.claims;
import static com.emporium.platform.AccessTokens.hmacSigned;
import static com.emporium.platform.AccessTokens.signed;
import static com.emporium.platform.AccessTokens.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform's own {@code JwtDecoder} against a JWKS served over HTTP, as every service but user-service
 * verifies tokens: only an RS256 token signed by a published key, for this issuer and audience, with a subject
 * and a lifetime that covers now, gets in.
 */
class JwksVerificationIT {

    private static final String CUSTOMER_ROUTE = "/api/private";
    /** Past the one minute of clock skew the validators allow. */
    private static final Duration WELL_PAST_SKEW = Duration.ofMinutes(10);

    private static RSAKey signingKey;
    private static JwksServer jwks;
    private static ConfigurableApplicationContext probe;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        signingKey = AccessTokens.newSigningKey("key-1");
        jwks = JwksServer.serving(signingKey);
        probe = new SpringApplicationBuilder(ProbeApplication.class).run(ProbeApplication.arguments(
                "--emporium.security.jwt.jwk-set-uri=" + jwks.uri(),
                "--emporium.security.jwt.issuer=" + AccessTokens.ISSUER,
                "--emporium.security.jwt.audience=" + AccessTokens.AUDIENCE));
        base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) probe).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (probe != null) {
            probe.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefusedAsInvalid(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.body()).contains("urn:problem:emporium:unauthorized");
    }

    @Test
    void letsAValidTokenIn() throws Exception {
        String token = signed(signingKey, claims("customer").build());

        HttpResponse<String> response = get(CUSTOMER_ROUTE, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("secret");
    }

    static Stream<Named<JWTClaimsSet>> claimsTheServiceRefuses() {
        Instant now = Instant.now();
        return Stream.of(
                Named.of("another audience", claims("customer").audience("another-service").build()),
                Named.of("another issuer", claims("customer").issuer("https://evil.example").build()),
                Named.of("expired", claims("customer").issueTime(Date.from(now.minus(Duration.ofHours(1))))
                        .expirationTime(Date.from(now.minus(WELL_PAST_SKEW))).build()),
                Named.of("no expiry", claims("customer").expirationTime(null).build()),
                Named.of("no subject", claims("customer").subject(null).build()),
                Named.of("blank subject", claims("customer").subject(" ").build()),
                Named.of("not valid yet", claims("customer").notBeforeTime(Date.from(now.plus(WELL_PAST_SKEW)))
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("claimsTheServiceRefuses")
    void refusesAWellSignedTokenWithClaimsItDoesNotAccept(JWTClaimsSet claims) throws Exception {
        String token = signed(signingKey, claims);

        HttpResponse<String> response = get(CUSTOMER_ROUTE, token);

        assertRefusedAsInvalid(response);
    }

    /** /api/probe/** is public in the probe: the role rules must win over it. */
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "admin,    /api/probe/admin/report, 200",
        "customer, /api/probe/admin/report, 403",
        "service,  /api/probe/admin/report, 403",
        "customer, /api/private,            200",
        "admin,    /api/private,            200",
        "service,  /api/private,            403",
        "service,  /internal/probe,         200",
        "customer, /internal/probe,         403",
        "admin,    /internal/probe,         403",
    })
    void letsEachRoleIntoItsOwnRoutesOnly(String role, String path, int status) throws Exception {
        String token = signed(signingKey, claims(role).build());

        HttpResponse<String> response = get(path, token);

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.body()).contains("urn:problem:emporium:forbidden");
        }
    }

    @Test
    void ignoresAnExpiredTokenOnAPublicPath() throws Exception {
        Instant now = Instant.now();
        String expired = signed(signingKey, claims("customer").issueTime(Date.from(now.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(now.minus(WELL_PAST_SKEW))).build());

        HttpResponse<String> response = get("/api/probe/address", expired);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void keepsATokenWithoutRolesOutOfTheApi() throws Exception {
        String token = signed(signingKey, claims().build());

        HttpResponse<String> response = get(CUSTOMER_ROUTE, token);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnUnsignedToken() throws Exception {
        String token = unsigned(claims("customer").build());

        HttpResponse<String> response = get(CUSTOMER_ROUTE, token);

        assertRefusedAsInvalid(response);
    }

    /** The classic confusion: HS256 keyed with the public key, which anyone can fetch from the JWKS. */
    @Test
    void refusesAnHmacTokenKeyedWithThePublicKey() throws Exception {
        byte[] publicKey = signingKey.toPublicKey().getEncoded();
        String token = hmacSigned(publicKey, signingKey.getKeyID(), claims("customer").build());

        HttpResponse<String> response = get(CUSTOMER_ROUTE, token);

        assertRefusedAsInvalid(response);
    }

    @Test
    void refusesATokenSignedByAnotherKeyUnderAPublishedKeyId() throws Exception {
        RSAKey impostor = AccessTokens.newSigningKey(signingKey.getKeyID());
        String token = signed(impostor, claims("customer").build());

        HttpResponse<String> response = get(CUSTOMER_ROUTE, token);

        assertRefusedAsInvalid(response);
    }

    @Test
    void fetchesTheKeySetAgainForATokenSignedByANewlyPublishedKey() throws Exception {
        assertThat(get(CUSTOMER_ROUTE, signed(signingKey, claims("customer").build())).statusCode())
                .as("the current key set is cached").isEqualTo(200);
        int fetchesBefore = jwks.fetches();
        RSAKey rotated = AccessTokens.newSigningKey("key-2");
        jwks.serve(signingKey, rotated);

        HttpResponse<String> response = get(CUSTOMER_ROUTE, signed(rotated, claims("customer").build()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jwks.fetches()).isEqualTo(fetchesBefore + 1);
    }
}
