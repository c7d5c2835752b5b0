package com.emporium.gateway.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a valid access token looks like and where the public keys are: the same {@code emporium.security.jwt}
 * settings the services use (platform-core's defaults: {@code JWT_ISSUER}, {@code JWT_AUDIENCE},
 * {@code JWT_JWKS_URI}).
 */
@Validated
@ConfigurationProperties("emporium.security.jwt")
record TokenSettings(@NotBlank String issuer, @NotBlank String audience, @NotBlank String jwkSetUri) {
}
