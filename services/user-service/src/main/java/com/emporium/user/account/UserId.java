package com.emporium.user.account;

import java.util.UUID;

/** Identifies an account; the {@code sub} of its access tokens. */
public record UserId(UUID value) {

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
