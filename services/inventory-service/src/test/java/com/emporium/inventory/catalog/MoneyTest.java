package com.emporium.inventory.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsAmountsInMinorUnitsAndShowsThemWithTwoPlaces() {
        Money price = Money.ofDecimal(new BigDecimal("12.5"));

        assertThat(price.minorUnits()).isEqualTo(1250);
        assertThat(price.decimal()).isEqualByComparingTo("12.50").hasScaleOf(2);
        assertThat(price.decimal().toString()).isEqualTo("12.50");
    }

    @Test
    void refusesMoreThanTwoDecimalPlacesRatherThanRounding() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.ofDecimal(new BigDecimal("0.001")));
    }

    @Test
    void multipliesAndAddsExactly() {
        Money total = new Money(1999).times(3).plus(new Money(1));

        assertThat(total.minorUnits()).isEqualTo(5998);
    }
}
