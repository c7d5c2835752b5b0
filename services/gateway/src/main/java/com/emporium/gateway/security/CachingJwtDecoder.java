package com.emporium.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature was verified, so that a client's next calls with the same token skip the
 * RSA verification and the parsing (an access token is used many times in its 15 minutes). Only the exact token
 * text hits the cache, and a hit is validated again (expiry first), so an expired token is refused as before.
 * Entries live at most {@code maxAge}, the same bound as the cached JWKS: a key user-service drops stops
 * verifying within that time either way. Envoy's JWT filter keeps a cache of verified tokens for the same reason.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, long maxEntries,
            Duration maxAge) {
        this.delegate = delegate;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("the token is no longer valid", result.getErrors()));
        }
        return Mono.just(known);
    }
}
