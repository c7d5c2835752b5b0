package com.emporium.sandbox.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the merchant when {@code Authorization: Bearer <secret key>} carries the sandbox's key; anything
 * else leaves the request anonymous, and the access rules then refuse it where the key is needed.
 */
final class SecretKeyFilter extends OncePerRequestFilter {

    static final String MERCHANT_ROLE = "MERCHANT";
    private static final String BEARER = "Bearer ";

    private final SecretKey key;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SecretKeyFilter(SecretKey key) {
        this.key = key;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && key.matches(authorization.substring(BEARER.length()).strip())) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("merchant", null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + MERCHANT_ROLE))));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
