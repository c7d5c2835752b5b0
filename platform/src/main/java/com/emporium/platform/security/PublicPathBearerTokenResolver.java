package com.emporium.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token as Spring Security does, except on a request anyone may make: there the token is not
 * looked at, so a stale or garbled one a client still sends cannot turn a login or a refresh into a 401. A
 * public path under an admin or service route is not open (see {@link AccessRules}), so its token still counts.
 */
final class PublicPathBearerTokenResolver implements BearerTokenResolver {

    private final AccessRules rules;
    private final BearerTokenResolver tokens = new DefaultBearerTokenResolver();

    PublicPathBearerTokenResolver(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        return rules.isOpen(request) ? null : tokens.resolve(request);
    }
}
