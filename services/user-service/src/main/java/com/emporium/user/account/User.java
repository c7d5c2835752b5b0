package com.emporium.user.account;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An account. The email is stored normalized (trimmed, lower case) and is unique. */
public record User(UserId id, String email, String displayName, String passwordHash, Set<Role> roles,
        @Nullable Instant disabledAt, Instant createdAt, Instant updatedAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
