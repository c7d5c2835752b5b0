package com.emporium.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.platform.token.AccessTokenRules;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenRulesTest {

    private final OAuth2TokenValidator<Jwt> rules = AccessTokenRules.validator("emporium-user-service", "emporium");

    @Test
    void acceptsATokenOfTheIssuerForTheAudience() {
        assertThat(rules.validate(token(claims -> { })).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherIssuer() {
        assertThat(errors(token(claims -> claims.issuer("someone-else")))).isNotEmpty();
    }

    @Test
    void refusesAnotherAudience() {
        assertThat(errors(token(claims -> claims.audience(List.of("another-platform"))))).isNotEmpty();
    }

    @Test
    void refusesATokenExpiredBeyondTheClockSkew() {
        Instant past = Instant.now().minusSeconds(120);
        assertThat(errors(token(claims -> claims.issuedAt(past.minusSeconds(300)).expiresAt(past)))).isNotEmpty();
    }

    @Test
    void refusesABlankSubject() {
        assertThat(errors(token(claims -> claims.subject(" ")))).isNotEmpty();
    }

    @Test
    void refusesATokenWithoutSubject() {
        assertThat(errors(token(claims -> claims.claims(map -> map.remove("sub")))))
                .anySatisfy(error -> assertThat(error.getDescription()).contains("sub"));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertThat(errors(token(claims -> claims.claims(map -> map.remove("exp")))))
                .anySatisfy(error -> assertThat(error.getDescription()).contains("exp"));
    }

    private List<OAuth2Error> errors(Jwt jwt) {
        return List.copyOf(rules.validate(jwt).getErrors());
    }

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Instant now = Instant.now();
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256")
                .issuer("emporium-user-service").audience(List.of("emporium")).subject("c0ffee00-0000-4000-8000-000000000001")
                .issuedAt(now).expiresAt(now.plusSeconds(300)).claim(AccessTokenRules.ROLES_CLAIM, List.of("customer"));
        change.accept(builder);
        return builder.build();
    }
}
