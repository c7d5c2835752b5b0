package com.emporium.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void showsMinorUnitsWithTwoDecimals() {
        assertThat(Money.toDecimal(1250)).hasToString("12.50");
        assertThat(Money.toDecimal(7)).hasToString("0.07");
    }

    @Test
    void readsDecimalsOfUpToTwoPlaces() {
        assertThat(Money.toMinorUnits(new BigDecimal("12.5"))).isEqualTo(1250);
        assertThat(Money.toMinorUnits(new BigDecimal("19.99"))).isEqualTo(1999);
        assertThat(Money.toMinorUnits(new BigDecimal("3"))).isEqualTo(300);
    }

    @Test
    void refusesFractionsOfACent() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Money.toMinorUnits(new BigDecimal("0.001")));
    }
}
