package com.emporium.sandbox.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void acceptsPositiveAmountsWithAtMostTwoPlacesUpToAMillion() {
        assertThat(Amounts.problemWith(new BigDecimal("0.01"))).isEmpty();
        assertThat(Amounts.problemWith(new BigDecimal("12.50"))).isEmpty();
        assertThat(Amounts.problemWith(new BigDecimal("12.500"))).as("trailing zeros are no places").isEmpty();
        assertThat(Amounts.problemWith(new BigDecimal("1000000"))).isEmpty();
    }

    @Test
    void refusesZeroNegativeTooPreciseAndTooLargeAmounts() {
        assertThat(Amounts.problemWith(BigDecimal.ZERO)).isPresent();
        assertThat(Amounts.problemWith(new BigDecimal("-1"))).isPresent();
        assertThat(Amounts.problemWith(new BigDecimal("0.001"))).isPresent();
        assertThat(Amounts.problemWith(new BigDecimal("1000000.01"))).isPresent();
    }

    @Test
    void convertsToAndFromMinorUnitsExactly() {
        assertThat(Amounts.toMinor(new BigDecimal("12.5"))).isEqualTo(1250);
        assertThat(Amounts.toMinor(new BigDecimal("1E+2"))).isEqualTo(10000);
        assertThat(Amounts.toDecimal(1250)).isEqualByComparingTo("12.50").hasToString("12.50");
    }

    @Test
    void hashesTheSameRequestAlikeAndAnyChangeDifferently() {
        NewCharge charge = new NewCharge("k", "tok_visa", 1250, "USD", "ref", null);

        assertThat(charge.requestHash()).isEqualTo(new NewCharge("k", "tok_visa", 1250, "USD", "ref", null)
                .requestHash());
        assertThat(charge.requestHash()).isNotEqualTo(new NewCharge("k", "tok_visa", 1250, "USD", "ref", "")
                .requestHash());
        assertThat(charge.requestHash()).isNotEqualTo(new NewCharge("k", "tok_visa", 1251, "USD", "ref", null)
                .requestHash());
    }
}
