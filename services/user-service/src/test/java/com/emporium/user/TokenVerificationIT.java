package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import com.emporium.user.token.SigningKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bearer tokens: only a token signed by a current key, for this issuer and audience, and unexpired, passes. */
class TokenVerificationIT extends UserServiceIT {

    @Autowired
    SigningKeys keys;

    @Test
    void showsAndChangesTheCallersOwnProfile() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse changed = put("/api/users/me").bearer(customer.accessToken())
                .json(Map.of("displayName", "Renamed")).send();

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("displayName").asString()).isEqualTo("Renamed");
        assertThat(get("/api/users/me").bearer(customer.accessToken()).send().json().get("displayName").asString())
                .isEqualTo("Renamed");
    }

    @Test
    void refusesAnInvalidProfileChange() {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse response = put("/api/users/me").bearer(customer.accessToken())
                .json(Map.of("displayName", " ")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("displayName");
    }

    @Test
    void refusesARequestWithoutAToken() {
        List<ApiResponse> answers = List.of(get("/api/users/me").send(),
                put("/api/users/me").json(Map.of("displayName", "Nobody")).send());

        assertThat(answers).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:unauthorized");
        });
    }

    @Test
    void refusesATamperedToken() {
        Accounts.Account customer = Accounts.customer(api);
        String[] parts = customer.accessToken().split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + UUID.randomUUID() + "\",\"roles\":[\"admin\"]}").getBytes());

        assertRefused(parts[0] + "." + otherClaims + "." + parts[2]);
    }

    @Test
    void refusesAnExpiredToken() throws JOSEException {
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        String expired = sign(keys.current(), claims().issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15)))).build());

        assertRefused(expired);
    }


    @Test
    void refusesATokenForAnotherAudience() throws JOSEException {
        assertRefused(sign(keys.current(), claims().audience("another-platform").build()));
    }

    @Test
    void refusesATokenFromAnotherIssuer() throws JOSEException {
        assertRefused(sign(keys.current(), claims().issuer("someone-else").build()));
    }

    @Test
    void refusesATokenSignedByAnUnknownKey() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(keys.current().getKeyID()).generate();

        assertRefused(sign(stranger, claims().build()));
    }

    @Test
    void refusesATokenWithAKeyIdNobodyKnows() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();

        assertRefused(sign(stranger, claims().build()));
    }

    @Test
    void refusesAnUnsignedToken() {
        assertRefused(new PlainJWT(claims().build()).serialize());
    }

    @Test
    void acceptsAWellFormedTokenSignedByTheCurrentKey() throws JOSEException {
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse response = get("/api/users/me")
                .bearer(sign(keys.current(), claims().subject(customer.id().toString()).build())).send();

        assertThat(response.status()).as("the hand-made tokens above fail for one reason only").isEqualTo(200);
    }

    @Test
    void ignoresIdentityHeadersFromTheClient() {
        Accounts.Account customer = Accounts.customer(api);
        Accounts.Account other = Accounts.customer(api);

        ApiResponse response = get("/api/users/me").bearer(customer.accessToken())
                .header("X-User-Id", other.id().toString()).header("X-User-Roles", "admin").send();

        assertThat(response.json().get("id").asString()).isEqualTo(customer.id().toString());
        assertThat(get("/api/users/admin/users").header("X-User-Roles", "admin").bearer(customer.accessToken())
                .send().status()).isEqualTo(403);
    }

    private void assertRefused(String token) {
        ApiResponse response = get("/api/users/me").bearer(token).send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:unauthorized");
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("emporium-user-service")
                .audience("emporium")
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", List.of("customer"));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
