package com.emporium.platform.token;

import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What every Emporium access token must satisfy besides its RS256 signature: the configured issuer, the
 * configured audience among its {@code aud}, an {@code exp} in the future (60 s of clock skew, Spring
 * Security's default) and a non-blank {@code sub}. The gateway, every service and user-service itself use it.
 */
public final class AccessTokenRules {

    /** The claim that lists a token's {@link Roles}. */
    public static final String ROLES_CLAIM = "roles";

    private AccessTokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
    }
}
