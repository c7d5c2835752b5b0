package com.emporium.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.emporium.platform.token.Roles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, in the order the rules are tried: {@code /internal/**} is for services and
 * {@code /api/*}{@code /admin/**} for admins, whatever the public paths say; then the public paths (with
 * health, metrics and the error page) are open to anyone; the rest of {@code /api/**} is for customers and
 * admins; anything else needs a valid token. The filter chain and the bearer token resolver read the same rules.
 */
final class AccessRules {

    private final RequestMatcher forServices = pathPattern("/internal/**");
    private final RequestMatcher forAdmins = pathPattern("/api/*/admin/**");
    private final RequestMatcher api = pathPattern("/api/**");
    private final RequestMatcher open;

    private AccessRules(RequestMatcher open) {
        this.open = open;
    }

    static AccessRules of(SecurityProperties properties) {
        List<RequestMatcher> open = new ArrayList<>(List.of(
                pathPattern("/health/**"), pathPattern("/metrics"), pathPattern("/error")));
        for (String path : properties.publicPaths()) {
            PublicPath publicPath = PublicPath.parse(path);
            open.add(publicPath.method() == null ? pathPattern(publicPath.pattern())
                    : pathPattern(publicPath.method(), publicPath.pattern()));
        }
        return new AccessRules(new OrRequestMatcher(open));
    }

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(forServices).hasRole(Roles.SERVICE)
                .requestMatchers(forAdmins).hasRole(Roles.ADMIN)
                .requestMatchers(open).permitAll()
                .requestMatchers(api).hasAnyRole(Roles.CUSTOMER, Roles.ADMIN)
                .anyRequest().authenticated();
    }

    /** Whether anyone may make this request, token or not: a public path that no role rule claims first. */
    boolean isOpen(HttpServletRequest request) {
        return !forServices.matches(request) && !forAdmins.matches(request) && open.matches(request);
    }

    /** {@code "/path"} or {@code "METHOD /path"}. */
    record PublicPath(@Nullable HttpMethod method, String pattern) {

        static PublicPath parse(String value) {
            String[] parts = value.strip().split("\\s+");
            return switch (parts.length) {
                case 1 -> new PublicPath(null, parts[0]);
                case 2 -> new PublicPath(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1]);
                default -> throw new IllegalArgumentException(
                        "emporium.security.public-paths: expected \"/path\" or \"METHOD /path\", got: " + value);
            };
        }
    }
}
