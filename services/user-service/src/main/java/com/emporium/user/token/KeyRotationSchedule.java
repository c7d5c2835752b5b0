package com.emporium.user.token;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Rotates the signing key on schedule (the first key is made at start-up by {@link SigningKeys}). */
@Component
class KeyRotationSchedule {

    private final SigningKeys keys;

    KeyRotationSchedule(SigningKeys keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelayString = "${emporium.user.tokens.key-rotation-check}",
            fixedDelayString = "${emporium.user.tokens.key-rotation-check}")
    void rotateWhenDue() {
        keys.rotateIfDue();
    }
}
