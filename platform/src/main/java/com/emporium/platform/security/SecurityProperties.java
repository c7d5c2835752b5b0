package com.emporium.platform.security;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service verifies access tokens, and which of its endpoints need none.
 *
 * @param jwt what a valid token looks like and where the public keys are
 * @param publicPaths endpoints open to anyone, each {@code "/path/**"} or {@code "METHOD /path"}
 */
@Validated
@ConfigurationProperties("emporium.security")
public record SecurityProperties(Jwt jwt, @DefaultValue List<String> publicPaths) {

    /**
     * @param issuer the {@code iss} every token must carry
     * @param audience a value the token's {@code aud} must contain
     * @param jwkSetUri user-service's JWKS, fetched and cached; fetched again on an unknown {@code kid}
     */
    public record Jwt(@NotBlank String issuer, @NotBlank String audience, @NotBlank String jwkSetUri) {
    }
}
