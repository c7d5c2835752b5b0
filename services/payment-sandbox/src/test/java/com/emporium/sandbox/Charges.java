package com.emporium.sandbox;

/** Request bodies for the tests, as JSON text (amounts exactly as a client would write them). */
final class Charges {

    private Charges() {
    }

    static String request(String token, String amount, String reference) {
        return """
                {"token": "%s", "amount": %s, "currency": "USD", "reference": "%s", "description": "order 42"}
                """.formatted(token, amount, reference);
    }

    static String card(String number) {
        return """
                {"number": "%s", "expMonth": 12, "expYear": 2030, "cvc": "123", "holderName": "Ada Lovelace"}
                """.formatted(number);
    }

    static String refundOf(String chargeId, String amount) {
        return amount == null ? "{\"chargeId\": \"%s\"}".formatted(chargeId)
                : "{\"chargeId\": \"%s\", \"amount\": %s, \"reason\": \"order-cancelled\"}".formatted(chargeId, amount);
    }
}
