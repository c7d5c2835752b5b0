package com.emporium.user.auth.web;

import com.emporium.user.UserServiceProperties;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** The refresh token's cookie: httpOnly, SameSite=Strict, sent only to the auth endpoints. */
@Component
class RefreshCookies {

    private final UserServiceProperties.RefreshCookie settings;

    RefreshCookies(UserServiceProperties properties) {
        this.settings = properties.refreshCookie();
    }

    String name() {
        return settings.name();
    }

    ResponseCookie of(String token, Duration ttl) {
        return base(token).maxAge(ttl).build();
    }

    ResponseCookie cleared() {
        return base("").maxAge(Duration.ZERO).build();
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(settings.name(), value)
                .httpOnly(true)
                .secure(settings.secure())
                .sameSite("Strict")
                .path(settings.path());
    }
}
