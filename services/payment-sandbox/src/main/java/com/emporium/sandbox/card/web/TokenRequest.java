package com.emporium.sandbox.card.web;

import com.emporium.sandbox.card.CardNumber;
import com.emporium.sandbox.card.NewCard;
import com.emporium.sandbox.web.JsonBody;
import java.time.YearMonth;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code {"number", "expMonth", "expYear", "cvc", "holderName"}}. The cvc is checked and dropped, the holder's
 * name is accepted and dropped (a token needs neither), and no message ever repeats the number.
 */
final class TokenRequest {

    private static final Set<String> FIELDS = Set.of("number", "expMonth", "expYear", "cvc", "holderName");
    private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");
    /** How far ahead an expiry may lie; cards are issued for a few years, never for decades. */
    private static final int MAX_YEARS_AHEAD = 20;

    private TokenRequest() {
    }

    static NewCard read(@Nullable String text, YearMonth now) {
        JsonBody body = JsonBody.parse(text, FIELDS);
        String typed = body.text("number", true);
        Integer month = body.integer("expMonth", true);
        Integer year = body.integer("expYear", true);
        String cvc = body.text("cvc", true);
        String holder = body.text("holderName", false);

        CardNumber number = null;
        if (typed != null) {
            number = CardNumber.parse(typed).orElse(null);
            if (number == null) {
                body.fail("number", "must be 12 to 19 digits (spaces and dashes allowed) that pass the Luhn check");
            }
        }
        if (month != null && (month < 1 || month > 12)) {
            body.fail("expMonth", "must be 1 to 12");
            month = null;
        }
        if (year != null && (year < now.getYear() || year > now.getYear() + MAX_YEARS_AHEAD)) {
            body.fail("expYear", year < now.getYear() ? "is in the past: the card has expired"
                    : "must be within " + MAX_YEARS_AHEAD + " years from now");
            year = null;
        }
        if (month != null && year != null && YearMonth.of(year, month).isBefore(now)) {
            body.fail("expMonth", "is in the past: the card has expired");
        }
        if (cvc != null && !CVC.matcher(cvc).matches()) {
            body.fail("cvc", "must be 3 or 4 digits");
        }
        if (holder != null && holder.length() > 100) {
            body.fail("holderName", "must be at most 100 characters");
        }
        body.validate();
        return new NewCard(number, month, year);
    }
}
