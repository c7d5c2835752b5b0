package com.emporium.user.auth;

import com.emporium.user.token.TokenIssuer.IssuedToken;
import java.time.Duration;

/** What a login or a refresh hands out: an access token, and a refresh token for the cookie. */
public record Session(IssuedToken accessToken, String refreshToken, Duration refreshTtl) {
}
