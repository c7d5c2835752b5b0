package com.emporium.user.auth.web;

import com.emporium.user.account.User;
import com.emporium.user.account.UserProfile;
import com.emporium.user.auth.Session;

/** The access token in the body; the refresh token travels only in its cookie. */
record TokenResponse(String accessToken, String tokenType, long expiresIn, UserProfile user) {

    static TokenResponse of(User user, Session session) {
        return new TokenResponse(session.accessToken().value(), "Bearer",
                session.accessToken().ttl().toSeconds(), UserProfile.of(user));
    }
}
