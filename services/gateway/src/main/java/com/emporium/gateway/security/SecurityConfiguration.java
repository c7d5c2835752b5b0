package com.emporium.gateway.security;

import com.emporium.gateway.GatewayProperties;
import com.emporium.gateway.problem.ProblemResponses;
import com.emporium.gateway.tracing.TraceIdHeader;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.token.AccessTokenRules;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The edge's access rules ({@link EdgeAccess}), checked before a request is routed (the services check again,
 * zero trust): {@code /api/*}{@code /admin/**} needs the admin role, the rest of {@code /api/**} a customer or
 * admin token, the configured public paths nothing (a token sent there is ignored, so a stale one cannot refuse
 * a login). Anything else has no route and answers 404, {@code /internal/**} included. Tokens are RS256 JWTs verified
 * against user-service's JWKS with the platform's rules; the gateway holds no signing key and relays the token
 * unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayProperties properties,
            ProblemResponses problems, ReactiveJwtDecoder decoder) {
        PublicPaths publicPaths = PublicPaths.of(properties.publicPaths());
        var bearer = new ServerBearerTokenAuthenticationConverter();
        // a token is read on the API only, and never on its public paths (but always on admin paths): a stale
        // one cannot refuse a login, and a bad one cannot turn the 404 of a path with no route into a 401
        ServerAuthenticationConverter tokens = exchange -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            boolean read = path.startsWith("/api/")
                    && (EdgeAccess.isAdminPath(path) || !publicPaths.matches(exchange));
            return read ? bearer.convert(exchange) : Mono.empty();
        };
        var unauthorized = new ProblemEntryPoint(problems);
        var forbidden = new ProblemAccessDenied(problems);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> { })
                // written by SecurityHeaders instead: Spring Security's writers each walk the response's headers
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(tokens)
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(roles())))
                .authorizeExchange(rules -> rules.anyExchange().access(new EdgeAccess(publicPaths)))
                .build();
    }

    @Bean
    ReactiveJwtDecoder gatewayJwtDecoder(GatewayProperties properties, TokenSettings token) {
        WebClient client = WebClient.builder().build();
        JwksCache keys = new JwksCache(client, token.jwkSetUri(), properties.jwks(), Clock.systemUTC());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> rules = AccessTokenRules.validator(token.issuer(), token.audience());
        decoder.setJwtValidator(rules);
        return new CachingJwtDecoder(decoder, rules, 10_000, properties.jwks().maxAge());
    }

    /**
     * No observation per security filter and per authorization decision: each would add spans and timers to
     * every request at the edge, where the request's own server span already measures it.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall refuses paths that could mean one thing here and another to a service
     * ({@code //}, {@code /../}, encoded slashes, {@code ;} parameters): with a 400 problem, like every answer.
     */
    @Bean
    ServerExchangeRejectedHandler problemRejectedHandler(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
                "the request path is not accepted (it is ambiguous or not normalised)", null);
    }

    /**
     * Spring Security's strict firewall (no {@code //}, {@code ..}, encoded slashes, {@code ;}, unknown methods),
     * with header names and values checked by a loop over their characters rather than its regular
     * expressions, which cost more than the token check on every call: no control characters, names printable
     * ASCII.
     */
    @Bean
    ServerWebExchangeFirewall gatewayFirewall() {
        var firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::printableAscii);
        firewall.setAllowedHeaderValues(SecurityConfiguration::noControlCharacters);
        return firewall;
    }

    static boolean printableAscii(@Nullable String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    static boolean noControlCharacters(@Nullable String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        if (properties.cors().allowedOrigins().contains("*")) {
            throw new IllegalStateException("CORS_ALLOWED_ORIGINS cannot be *: the storefront's calls carry "
                    + "credentials, which browsers refuse for a wildcard origin; list the origins");
        }
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        // If-Match: the admin area's catalog writes name the version they read (its ETag)
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.IF_MATCH, "Idempotency-Key", "traceparent", "tracestate"));
        cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, HttpHeaders.ETAG,
                "X-RateLimit-Limit", "X-RateLimit-Remaining", TraceIdHeader.HEADER));
        // the refresh cookie travels with the storefront's calls to /api/auth
        cors.setAllowCredentials(true);
        cors.setMaxAge(properties.cors().maxAge());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static ReactiveJwtAuthenticationConverterAdapter roles() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(AccessTokenRules.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
