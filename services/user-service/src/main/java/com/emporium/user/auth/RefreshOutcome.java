package com.emporium.user.auth;

import com.emporium.user.account.User;

/** What presenting a refresh token led to. */
public sealed interface RefreshOutcome {

    /** The token was live: here is a new access token and the next refresh token of the family. */
    record Refreshed(User user, Session session) implements RefreshOutcome {
    }

    /** Missing, unknown, expired or revoked, or its account is disabled. */
    record Rejected(String reason) implements RefreshOutcome {
    }

    /** The token had already been used: someone holds a copy. Its whole family is now revoked. */
    record ReuseDetected() implements RefreshOutcome {
    }
}
