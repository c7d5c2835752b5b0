package com.emporium.inventory.catalog;

import java.math.BigDecimal;

/**
 * An amount of the store's currency in minor units (cents), as it is stored; on the wire it is a decimal number
 * with two places ({@link #decimal()}).
 */
public record Money(long minorUnits) {

    public static final Money ZERO = new Money(0);
    private static final int SCALE = 2;

    /** The amount of a decimal with at most two places; more places are refused rather than rounded. */
    public static Money ofDecimal(BigDecimal amount) {
        return new Money(amount.setScale(SCALE).movePointRight(SCALE).longValueExact());
    }

    public BigDecimal decimal() {
        return BigDecimal.valueOf(minorUnits, SCALE);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minorUnits, other.minorUnits));
    }
}
