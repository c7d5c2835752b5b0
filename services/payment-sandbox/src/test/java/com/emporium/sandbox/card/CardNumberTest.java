package com.emporium.sandbox.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumberTest {

    @Test
    void acceptsValidNumbersWithSpacesAndDashes() {
        assertThat(CardNumber.parse("4242 4242-4242 4242")).hasValueSatisfying(number -> {
            assertThat(number.brand()).isEqualTo(Brand.VISA);
            assertThat(number.last4()).isEqualTo("4242");
            assertThat(number.behaviour()).isEqualTo(Behaviour.SUCCEEDS);
        });
    }

    @Test
    void refusesNumbersThatFailLuhnOrHaveTheWrongLength() {
        assertThat(CardNumber.parse("4242424242424241")).isEmpty();
        assertThat(CardNumber.parse("42424242424")).isEmpty();
        assertThat(CardNumber.parse("42424242424242424242")).isEmpty();
        assertThat(CardNumber.parse("4242.4242.4242.4242")).isEmpty();
        assertThat(CardNumber.parse("")).isEmpty();
    }

    @Test
    void tellsEachBrand() {
        assertThat(brand("5105105105105100")).isEqualTo(Brand.MASTERCARD);
        assertThat(brand("2221000000000009")).isEqualTo(Brand.MASTERCARD);
        assertThat(brand("2720990000000007")).isEqualTo(Brand.MASTERCARD);
        assertThat(brand("378282246310005")).isEqualTo(Brand.AMEX);
        assertThat(brand("341111111111111")).isEqualTo(Brand.AMEX);
        assertThat(brand("6011111111111117")).isEqualTo(Brand.UNKNOWN);
        assertThat(brand("5610591081018250")).isEqualTo(Brand.UNKNOWN);
    }

    @Test
    void tellsEachTestCardsBehaviour() {
        assertThat(behaviour("4000000000000002")).isEqualTo(Behaviour.CARD_DECLINED);
        assertThat(behaviour("4000000000009995")).isEqualTo(Behaviour.INSUFFICIENT_FUNDS);
        assertThat(behaviour("4000000000000119")).isEqualTo(Behaviour.RETRY_LATER);
        assertThat(behaviour("4000000000000077")).isEqualTo(Behaviour.TIMEOUT);
        assertThat(behaviour("5555555555554444")).isEqualTo(Behaviour.SUCCEEDS);
    }

    @Test
    void neverShowsTheNumberInItsText() {
        assertThat(CardNumber.parse("4242424242424242").orElseThrow().toString())
                .doesNotContain("424242424242").endsWith("4242]");
    }

    private static Brand brand(String digits) {
        return CardNumber.parse(digits).orElseThrow().brand();
    }

    private static Behaviour behaviour(String digits) {
        return CardNumber.parse(digits).orElseThrow().behaviour();
    }
}
