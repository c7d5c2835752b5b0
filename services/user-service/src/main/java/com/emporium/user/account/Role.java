package com.emporium.user.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a person may do. Services get the separate {@code service} role through client credentials. */
public enum Role {
    CUSTOMER, ADMIN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return Arrays.stream(values())
                .filter(role -> role.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role: " + value));
    }
}
