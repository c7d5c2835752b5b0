package com.emporium.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are kept as integer minor units and travel as decimals with two places (ARCHITECTURE.md). */
public final class Money {

    private static final int SCALE = 2;

    private Money() {
    }

    public static BigDecimal toDecimal(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, SCALE);
    }

    /**
     * The minor units of {@code amount}.
     *
     * @throws ArithmeticException when it has more than two decimals or does not fit a long
     */
    public static long toMinorUnits(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
}
