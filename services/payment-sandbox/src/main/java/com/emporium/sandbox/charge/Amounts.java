package com.emporium.sandbox.charge;

import java.math.BigDecimal;
import java.util.Optional;

/** Amounts on the wire are decimals with at most two places; in the ledger, integer minor units. */
public final class Amounts {

    public static final BigDecimal MAX = new BigDecimal("1000000");
    private static final int SCALE = 2;

    private Amounts() {
    }

    /** What is wrong with a requested amount, if anything: it must be over 0, at most 1,000,000, two places at most. */
    public static Optional<String> problemWith(BigDecimal amount) {
        if (amount.signum() <= 0) {
            return Optional.of("must be greater than 0");
        }
        if (amount.compareTo(MAX) > 0) {
            return Optional.of("must be at most 1000000");
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            return Optional.of("must have at most 2 decimal places");
        }
        return Optional.empty();
    }

    /** Minor units of an amount that {@link #problemWith} accepts. */
    public static long toMinor(BigDecimal amount) {
        return amount.setScale(SCALE).movePointRight(SCALE).longValueExact();
    }

    public static BigDecimal toDecimal(long minor) {
        return BigDecimal.valueOf(minor, SCALE);
    }
}
