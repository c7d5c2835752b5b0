package com.emporium.sandbox.card;

import java.util.Arrays;
import java.util.Map;

/** What charging a card does: the test card numbers ask for a decline, a retry or a late answer. */
public enum Behaviour {
    SUCCEEDS("succeeds"),
    CARD_DECLINED("card-declined"),
    INSUFFICIENT_FUNDS("insufficient-funds"),
    RETRY_LATER("retry-later"),
    TIMEOUT("timeout");

    private static final Map<String, Behaviour> TEST_CARDS = Map.of(
            "4000000000000002", CARD_DECLINED,
            "4000000000009995", INSUFFICIENT_FUNDS,
            "4000000000000119", RETRY_LATER,
            "4000000000000077", TIMEOUT);

    private final String code;

    Behaviour(String code) {
        this.code = code;
    }

    /** The name in the database; for a decline, also its decline code. */
    public String code() {
        return code;
    }

    static Behaviour ofCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown behaviour " + code));
    }

    /** The behaviour of a card number's digits: any number but the test cards' succeeds. */
    static Behaviour of(String digits) {
        return TEST_CARDS.getOrDefault(digits, SUCCEEDS);
    }
}
