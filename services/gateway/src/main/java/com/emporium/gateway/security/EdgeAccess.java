package com.emporium.gateway.security;

import com.emporium.platform.token.Roles;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * The edge's access rules in one decision per request, in this order: CORS preflights pass;
 * {@code /api/<area>/admin} and below, in any letter case, needs {@code admin} (even on a public path); the
 * public paths need nothing; the rest of {@code /api/**} needs {@code customer} or {@code admin} (a
 * {@code service} token is refused: services call each other directly); anything else passes, to find no
 * route and answer 404. One synchronous check instead of Spring Security's chain of reactive matchers, which
 * cost more per request than everything else the rules do.
 */
final class EdgeAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final Pattern ADMIN = Pattern.compile("/api/[^/]+/admin(/.*)?");
    private static final Set<String> API_ROLES = Set.of("ROLE_" + Roles.CUSTOMER, "ROLE_" + Roles.ADMIN);
    private static final String ADMIN_ROLE = "ROLE_" + Roles.ADMIN;

    private final PublicPaths publicPaths;

    EdgeAccess(PublicPaths publicPaths) {
        this.publicPaths = publicPaths;
    }

    static boolean isAdminPath(String path) {
        return ADMIN.matcher(path.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        var request = context.getExchange().getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            return granted(true);
        }
        if (isAdminPath(path)) {
            return withRoles(authentication, Set.of(ADMIN_ROLE));
        }
        if (publicPaths.matches(context.getExchange())) {
            return granted(true);
        }
        if (path.startsWith("/api/") || path.equals("/api")) {
            return withRoles(authentication, API_ROLES);
        }
        return granted(true);
    }

    private static Mono<AuthorizationResult> withRoles(Mono<Authentication> authentication, Set<String> anyOf) {
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(auth -> (AuthorizationResult) new AuthorizationDecision(hasAny(auth, anyOf)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private static boolean hasAny(Authentication authentication, Set<String> anyOf) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (anyOf.contains(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private static Mono<AuthorizationResult> granted(boolean granted) {
        return Mono.just(new AuthorizationDecision(granted));
    }
}
