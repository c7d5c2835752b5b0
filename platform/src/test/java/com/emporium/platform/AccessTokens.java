package com.emporium.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
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

/** Access tokens as user-service issues them (RS256, issuer, audience, subject, roles), and forgeries of them. */
final class AccessTokens {

    static final String ISSUER = "https://users.emporium.test";
    static final String AUDIENCE = "emporium-probe";
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private AccessTokens() {
    }

    static RSAKey newSigningKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The claims of a token that is valid now: the service's issuer and audience, a subject, these roles. */
    static JWTClaimsSet.Builder claims(String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("0b9d6a3e-5f7c-4d1e-9a43-1c2b3d4e5f60")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("roles", List.of(roles));
    }

    static String signed(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, key.getKeyID()), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    /** {@code alg: none}: no signature at all. */
    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** HS256 with a secret of the attacker's choosing, naming the key id of a real RSA key. */
    static String hmacSigned(byte[] secret, String keyId, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256, keyId), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String keyId) {
        return new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build();
    }
}
