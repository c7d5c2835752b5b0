package com.emporium.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens the platform must refuse, each made from a real one that user-service issued, so that exactly
 * one thing is wrong with it. The expired and wrong-audience ones are signed with user-service's real current
 * signing key ({@link SigningKeys}): their signature verifies, only the claim is wrong.
 */
public final class ForgedTokens {

    /** Well past any clock skew a verifier allows (Spring Security's default is 60 s). */
    private static final Duration LONG_AGO = Duration.ofMinutes(10);

    private ForgedTokens() {
    }

    /** The real token with an {@code exp} in the past, signed with the real current key. */
    public static String expired(String realToken) {
        Instant past = Instant.now().minus(LONG_AGO);
        return resigned(realToken, claims -> new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(past.minus(Duration.ofMinutes(15))))
                .notBeforeTime(Date.from(past.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(past))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** The real token made out to another audience, signed with the real current key. */
    public static String forAudience(String realToken, String audience) {
        return resigned(realToken, claims -> new JWTClaimsSet.Builder(claims)
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** The real token's claims with the role admin, signed by a key of our own under a kid nobody published. */
    public static String signedByAnUnknownKey(String realToken) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("e2e-" + UUID.randomUUID()).generate();
            return sign(withRoles(claimsOf(realToken), List.of("customer", "admin")), stranger);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real token's claims with the role admin, {@code alg: none} and no signature at all. */
    public static String unsigned(String realToken) {
        return new PlainJWT(withRoles(claimsOf(realToken), List.of("customer", "admin"))).serialize();
    }

    /** The real token with its payload changed after signing (roles: admin); header and signature kept. */
    public static String tampered(String realToken) {
        try {
            SignedJWT token = SignedJWT.parse(realToken);
            Base64URL[] parts = token.getParsedParts();
            JWTClaimsSet raised = withRoles(token.getJWTClaimsSet(), List.of("customer", "admin"));
            return parts[0] + "." + Base64URL.encode(raised.toString()) + "." + parts[2];
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a signed JWT: " + realToken, e);
        }
    }

    private static String resigned(String realToken, UnaryOperator<JWTClaimsSet> change) {
        return sign(change.apply(claimsOf(realToken)), SigningKeys.current());
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build();
        SignedJWT token = new SignedJWT(header, claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
        return token.serialize();
    }

    private static JWTClaimsSet withRoles(JWTClaimsSet claims, List<String> roles) {
        return new JWTClaimsSet.Builder(claims).claim("roles", roles).build();
    }

    private static JWTClaimsSet claimsOf(String realToken) {
        try {
            return SignedJWT.parse(realToken).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a signed JWT: " + realToken, e);
        }
    }
}
