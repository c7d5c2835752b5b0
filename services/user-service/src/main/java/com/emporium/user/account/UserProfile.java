package com.emporium.user.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as the API shows it: never the password hash. */
public record UserProfile(UUID id, String email, String displayName, List<Role> roles, boolean disabled,
        Instant createdAt) {

    public static UserProfile of(User user) {
        return new UserProfile(user.id().value(), user.email(), user.displayName(),
                user.roles().stream().sorted().toList(), user.disabled(), user.createdAt());
    }
}
