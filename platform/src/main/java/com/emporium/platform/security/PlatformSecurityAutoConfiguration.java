package com.emporium.platform.security;

import com.emporium.platform.token.AccessTokenRules;
import com.emporium.platform.web.PlatformWebAutoConfiguration;
import com.emporium.platform.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes the service an OAuth2 resource server: every request but the public ones needs a bearer JWT signed
 * by a key in user-service's JWKS, issued by the configured issuer for the configured audience. Roles come
 * from the {@code roles} claim; {@code /internal/**} needs {@code service}, {@code /api/*}{@code /admin/**}
 * needs {@code admin}, even under a public path, and the rest of {@code /api/**} needs {@code customer} or
 * {@code admin} (see {@link AccessRules}). No identity header is trusted. Sessions are never created.
 */
@AutoConfiguration(
        after = PlatformWebAutoConfiguration.class,
        before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
public final class PlatformSecurityAutoConfiguration {

    /**
     * No observation per security filter and per authorization decision: each would be a span in every
     * request's trace (four per request) and a timer, telling nothing the request's own span does not.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
            ProblemWriter problems, JwtAuthenticationConverter tokens, BearerTokenResolver bearerTokens) {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        var denied = new ProblemAccessDeniedHandler(problems);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied)
                        .bearerTokenResolver(bearerTokens)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens)))
                .authorizeHttpRequests(AccessRules.of(properties)::apply);
        return http.build();
    }

    /** Ignores any token on a public path, so that a stale one cannot refuse a login or a refresh. */
    @Bean
    @ConditionalOnMissingBean
    BearerTokenResolver platformBearerTokenResolver(SecurityProperties properties) {
        return new PublicPathBearerTokenResolver(AccessRules.of(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter platformJwtAuthenticationConverter() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(AccessTokenRules.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder platformJwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwt().jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(tokenValidator(properties.jwt()));
        return decoder;
    }

    /** What every Emporium access token must satisfy besides its signature; user-service uses it too. */
    public static OAuth2TokenValidator<Jwt> tokenValidator(SecurityProperties.Jwt jwt) {
        return AccessTokenRules.validator(jwt.issuer(), jwt.audience());
    }
}
