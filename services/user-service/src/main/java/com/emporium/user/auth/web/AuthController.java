package com.emporium.user.auth.web;

import com.emporium.user.auth.AuthService;
import com.emporium.user.auth.LoginOutcome;
import com.emporium.user.auth.RefreshOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AuthService auth;
    private final RefreshCookies cookies;

    AuthController(AuthService auth, RefreshCookies cookies) {
        this.auth = auth;
        this.cookies = cookies;
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return switch (auth.login(request.email(), request.password(), http.getRemoteAddr())) {
            case LoginOutcome.LoggedIn(var user, var session) -> ResponseEntity.ok()
                    .header(HttpHeaders.SET_COOKIE, cookies.of(session.refreshToken(), session.refreshTtl()).toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(TokenResponse.of(user, session));
            case LoginOutcome.InvalidCredentials() -> throw new AuthProblems.InvalidCredentials();
        };
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(HttpServletRequest http) {
        return switch (auth.refresh(refreshCookie(http))) {
            case RefreshOutcome.Refreshed(var user, var session) -> ResponseEntity.ok()
                    .header(HttpHeaders.SET_COOKIE, cookies.of(session.refreshToken(), session.refreshTtl()).toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(TokenResponse.of(user, session));
            case RefreshOutcome.Rejected(var reason) -> throw sessionEnded();
            case RefreshOutcome.ReuseDetected() -> throw sessionEnded();
        };
    }

    /** 401, and the browser forgets the dead cookie. */
    private AuthProblems.InvalidRefreshToken sessionEnded() {
        var problem = new AuthProblems.InvalidRefreshToken();
        problem.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.cleared().toString());
        return problem;
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest http) {
        auth.logout(refreshCookie(http));
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookies.cleared().toString()).build();
    }

    private @Nullable String refreshCookie(HttpServletRequest http) {
        if (http.getCookies() == null) {
            return null;
        }
        for (var cookie : http.getCookies()) {
            if (cookie.getName().equals(cookies.name())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
