package com.emporium.user.token;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes the first signing key at start-up, then rotates on schedule. */
@Component
class KeyRotationSchedule implements ApplicationRunner {

    private final SigningKeys keys;

    KeyRotationSchedule(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.ensureCurrentKey();
    }

    @Scheduled(initialDelayString = "${emporium.user.tokens.key-rotation-check}",
            fixedDelayString = "${emporium.user.tokens.key-rotation-check}")
    void rotateWhenDue() {
        keys.rotateIfDue();
    }
}
