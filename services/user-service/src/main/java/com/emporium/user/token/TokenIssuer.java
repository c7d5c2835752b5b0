package com.emporium.user.token;

import com.emporium.platform.security.SecurityProperties;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs access tokens with the current key, through Spring Security's Nimbus encoder. */
@Component
public class TokenIssuer {

    /** A signed token and how long it lives. */
    public record IssuedToken(String value, Duration ttl, Instant expiresAt) {
    }

    private final SigningKeys keys;
    private final SecurityProperties.Jwt jwt;
    private final Clock clock;
    private final JwtEncoder encoder;

    TokenIssuer(SigningKeys keys, SecurityProperties security, Clock clock) {
        this.keys = keys;
        this.jwt = security.jwt();
        this.clock = clock;
        this.encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.verificationKeys())));
    }

    /** An access token for {@code subject} with these roles, valid for {@code ttl}. */
    public IssuedToken issue(String subject, Collection<String> roles, Duration ttl) {
        RSAKey key = keys.current();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .audience(List.of(jwt.audience()))
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim("roles", List.copyOf(roles))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).type("JWT").build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, ttl, expiresAt);
    }
}
