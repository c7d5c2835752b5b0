package com.emporium.user.auth;

import com.emporium.user.account.User;

/** What a login attempt led to. Throttling is not an outcome: it throws {@code RateLimited}. */
public sealed interface LoginOutcome {

    record LoggedIn(User user, Session session) implements LoginOutcome {
    }

    /** Unknown email, wrong password, or a disabled account: the caller is not told which. */
    record InvalidCredentials() implements LoginOutcome {
    }
}
