package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CardBehavioursIT extends PaymentSandboxIT {

    @Test
    void chargesTheReadyMadeSucceedingTokens() {
        ApiResponse visa = chargeOf("tok_visa", "12.50");
        ApiResponse mastercard = chargeOf("tok_mastercard", "99.99");

        assertThat(visa.status()).isEqualTo(201);
        JsonNode charge = visa.json();
        assertThat(charge.get("id").asString()).matches("ch_[A-Za-z0-9]{24}");
        assertThat(charge.get("status").asString()).isEqualTo("succeeded");
        assertThat(charge.get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(charge.get("currency").asString()).isEqualTo("USD");
        assertThat(charge.get("token").asString()).isEqualTo("tok_visa");
        assertThat(charge.get("card").get("brand").asString()).isEqualTo("visa");
        assertThat(charge.get("card").get("last4").asString()).isEqualTo("4242");
        assertThat(charge.get("amountRefunded").decimalValue()).isEqualByComparingTo("0");
        assertThat(charge.get("refunds").isEmpty()).isTrue();
        assertThat(charge.has("declineCode")).isFalse();
        assertThat(visa.header("Location")).contains("/v1/charges/" + charge.get("id").asString());
        assertThat(visa.header("Idempotent-Replayed")).isEmpty();
        assertThat(mastercard.status()).isEqualTo(201);
        assertThat(mastercard.json().get("card").get("brand").asString()).isEqualTo("mastercard");
        assertThat(mastercard.json().get("card").get("last4").asString()).isEqualTo("4444");
    }

    @Test
    void declinesTheDecliningCardsAndRecordsTheDeclinedCharge() {
        assertDeclined("tok_declined", "card-declined");
        assertDeclined("tok_insufficient_funds", "insufficient-funds");
        assertDeclined(tokenOf("4000 0000 0000 0002"), "card-declined");
        assertDeclined(tokenOf("4000 0000 0000 9995"), "insufficient-funds");
    }

    @Test
    void tokenizedTestNumbersBehaveAsTheirReadyMadeTokens() {
        assertThat(chargeOf(tokenOf("4242 4242 4242 4242"), "5.00").status()).isEqualTo(201);
        assertThat(chargeOf(tokenOf("5555 5555 5555 4444"), "5.00").status()).isEqualTo(201);
        assertThat(chargeOf(tokenOf("4000 0000 0000 0119"), "5.00").status()).isEqualTo(503);
    }

    @Test
    void anyOtherValidNumberSucceeds() {
        assertThat(chargeOf(tokenOf("4012 8888 8888 1881"), "5.00").status()).isEqualTo(201);
    }

    @Test
    void refusesAnUnknownTokenNamingIt() {
        ApiResponse refused = chargeOf("tok_nobody_has_this", "1.00");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:sandbox:unknown-token");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("token");
    }

    @Test
    void refusesInvalidChargesNamingEveryField() {
        String key = UUID.randomUUID().toString();
        ApiResponse refused = charge(key, """
                {"token": "tok_visa", "amount": 12.345, "currency": "usd", "reference": "", "customerId": "x",
                 "description": "%s"}
                """.formatted("d".repeat(201)));

        assertThat(TokenizationIT.fields(refused))
                .containsExactlyInAnyOrder("amount", "currency", "reference", "customerId", "description");
        assertThat(TokenizationIT.fields(charge(UUID.randomUUID().toString(),
                Charges.request("tok_visa", "0", "r")))).containsExactly("amount");
        assertThat(TokenizationIT.fields(charge(UUID.randomUUID().toString(),
                Charges.request("tok_visa", "-1.00", "r")))).containsExactly("amount");
        assertThat(TokenizationIT.fields(charge(UUID.randomUUID().toString(),
                Charges.request("tok_visa", "1000000.01", "r")))).containsExactly("amount");
        assertThat(TokenizationIT.fields(charge(UUID.randomUUID().toString(),
                Charges.request("tok_visa", "\"12.50\"", "r")))).containsExactly("amount");
        assertThat(charge(UUID.randomUUID().toString(), Charges.request("tok_visa", "1000000.00", "r")).status())
                .isEqualTo(201);
        assertThat(chargeRows(key)).isZero();
    }

    private void assertDeclined(String token, String declineCode) {
        String key = UUID.randomUUID().toString();

        ApiResponse declined = charge(key, Charges.request(token, "20.00", "ref-" + key));

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.contentType()).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        JsonNode problem = declined.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:problem:sandbox:card-declined");
        assertThat(problem.get("declineCode").asString()).isEqualTo(declineCode);
        assertThat(problem.get("charge").get("status").asString()).isEqualTo("declined");
        assertThat(problem.get("charge").get("declineCode").asString()).isEqualTo(declineCode);
        String id = problem.get("charge").get("id").asString();
        ApiResponse recorded = merchant(api.get("/v1/charges/" + id)).send();
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().get("status").asString()).isEqualTo("declined");
        assertThat(chargeRows(key)).isEqualTo(1);
    }

    private String tokenOf(String number) {
        return api.post("/v1/tokens").json(Charges.card(number)).send().json().get("token").asString();
    }
}
