package com.emporium.user.token;

import com.emporium.platform.security.PlatformSecurityAutoConfiguration;
import com.emporium.platform.security.SecurityProperties;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * user-service verifies bearer tokens like every other service (signature, issuer, audience, expiry), but
 * reads the public keys from its own key store instead of fetching its own JWKS over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class LocalTokenVerification {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security) {
        JWKSource<SecurityContext> source = (selector, context) -> {
            String kid = kidOf(selector);
            return selector.select(new com.nimbusds.jose.jwk.JWKSet(
                    kid == null ? keys.verificationKeys() : keys.verificationKeys(kid)));
        };
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
        // claims are checked by Spring Security's validators below, the same as in every service
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(PlatformSecurityAutoConfiguration.tokenValidator(security.jwt()));
        return decoder;
    }

    private static @org.jspecify.annotations.Nullable String kidOf(JWKSelector selector) {
        JWKMatcher matcher = selector.getMatcher();
        return matcher.getKeyIDs() == null || matcher.getKeyIDs().isEmpty()
                ? null : matcher.getKeyIDs().iterator().next();
    }
}
