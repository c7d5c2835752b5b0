package com.emporium.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Signs access tokens the way user-service does (RS256, kid, iss, aud, sub, roles, exp) with test keys. */
final class Tokens {

    static final String ISSUER = "emporium-user-service";
    static final String AUDIENCE = "emporium";

    private final List<RSAKey> published = new ArrayList<>();
    private RSAKey current;

    Tokens() {
        current = newKey();
        published.add(current);
    }

    /** A new current key; the JWKS it returns holds it and every earlier one. */
    String rotate() {
        current = newKey();
        published.add(current);
        return jwks();
    }

    String jwks() {
        return new JWKSet(published.stream().map(RSAKey::toPublicJWK).map(k -> (com.nimbusds.jose.jwk.JWK) k).toList())
                .toString();
    }

    String customer() {
        return token(UUID.randomUUID().toString(), List.of("customer"), claims -> claims);
    }

    String admin() {
        return token(UUID.randomUUID().toString(), List.of("admin"), claims -> claims);
    }

    String forSubject(String subject) {
        return token(subject, List.of("customer"), claims -> claims);
    }

    String token(String subject, List<String> roles, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(current, change.apply(claims(subject, roles)).build());
    }

    /** Signed by a key the JWKS has never held. */
    String signedByStranger() {
        return sign(newKey(), claims(UUID.randomUUID().toString(), List.of("admin")).build());
    }

    static JWTClaimsSet.Builder claims(String subject, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("roles", roles)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
