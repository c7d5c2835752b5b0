package com.emporium.user.auth;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes refresh tokens a day after they expired, so the table does not grow forever. */
@Component
class RefreshTokenPurge {

    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    RefreshTokenPurge(RefreshTokenRepository refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void purge() {
        refreshTokens.purgeExpired(clock.instant().minus(Duration.ofDays(1)));
    }
}
