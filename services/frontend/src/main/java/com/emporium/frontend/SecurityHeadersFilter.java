package com.emporium.frontend;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same security headers on every answer. The page talks only to itself, the gateway and the sandbox, and shows
 * product images from the gateway; nothing may frame it.
 */
@Component
class SecurityHeadersFilter extends OncePerRequestFilter {

    private final String contentSecurityPolicy;

    SecurityHeadersFilter(FrontendProperties properties) {
        this.contentSecurityPolicy = contentSecurityPolicy(properties);
    }

    static String contentSecurityPolicy(FrontendProperties properties) {
        var gateway = properties.gatewayOrigins();
        var sandbox = properties.sandboxOrigins();
        return String.join("; ",
                "default-src 'self'",
                "connect-src 'self' " + gateway + " " + sandbox,
                "img-src 'self' " + gateway,
                "style-src 'self'",
                "script-src 'self'",
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "form-action 'self'");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
