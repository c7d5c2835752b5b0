package com.emporium.sandbox.card;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A card number that is 12 to 19 digits and passes the Luhn check. It is held only while a card is tokenized:
 * it is never stored, and {@link #toString()} shows the last four digits alone, so a log line cannot leak it.
 */
public final class CardNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[ -]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{12,19}");

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** The number as typed, spaces and dashes allowed; empty unless it is a valid card number. */
    public static Optional<CardNumber> parse(String typed) {
        String digits = SEPARATORS.matcher(typed).replaceAll("");
        if (!DIGITS.matcher(digits).matches() || !passesLuhn(digits)) {
            return Optional.empty();
        }
        return Optional.of(new CardNumber(digits));
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public Brand brand() {
        return Brand.of(digits);
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    public Behaviour behaviour() {
        return Behaviour.of(digits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber number && number.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "CardNumber[****" + last4() + "]";
    }
}
