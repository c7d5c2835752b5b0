package com.emporium.user.auth;

import com.emporium.user.account.AccountEvents;
import com.emporium.user.account.UserId;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A disabled account's refresh tokens stop working at once (in the same transaction as the disabling). */
@Component
class RefreshTokenRevocation implements AccountEvents {

    private final RefreshTokenRepository refreshTokens;

    RefreshTokenRevocation(RefreshTokenRepository refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @Override
    public void disabled(UserId id, Instant at) {
        refreshTokens.revokeAllOf(id, at);
    }
}
