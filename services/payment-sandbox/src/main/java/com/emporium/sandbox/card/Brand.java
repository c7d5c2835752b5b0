package com.emporium.sandbox.card;

import java.util.Locale;

/** The card network, told by the number's first digits. */
public enum Brand {
    VISA, MASTERCARD, AMEX, UNKNOWN;

    /** The name on the wire and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Brand ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    static Brand of(String digits) {
        if (digits.startsWith("4")) {
            return VISA;
        }
        if (digits.startsWith("34") || digits.startsWith("37")) {
            return AMEX;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        return UNKNOWN;
    }
}
