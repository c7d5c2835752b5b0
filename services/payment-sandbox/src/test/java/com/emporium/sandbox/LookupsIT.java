package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How a merchant finds a charge whose answer it lost, and the ledger's totals. */
class LookupsIT extends PaymentSandboxIT {

    @Test
    void findsAChargeByItsIdempotencyKeyOrItsReference() {
        String key = UUID.randomUUID().toString();
        String reference = "payment-" + UUID.randomUUID();
        String id = charge(key, Charges.request("tok_visa", "7.00", reference)).json().get("id").asString();
        String later = charge(UUID.randomUUID().toString(), Charges.request("tok_declined", "7.00", reference))
                .json().get("charge").get("id").asString();

        ApiResponse byKey = merchant(api.get("/v1/charges")).query("idempotencyKey", key).send();
        ApiResponse byReference = merchant(api.get("/v1/charges")).query("reference", reference).send();
        ApiResponse both = merchant(api.get("/v1/charges")).query("idempotencyKey", key)
                .query("reference", reference).send();
        ApiResponse neither = merchant(api.get("/v1/charges")).query("idempotencyKey", "never-used").send();

        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byKey.json().get("items")).hasSize(1);
        assertThat(byKey.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(byReference.json().get("totalItems").asLong()).isEqualTo(2);
        assertThat(byReference.json().get("items").get(0).get("id").asString()).as("newest first").isEqualTo(later);
        assertThat(byReference.json().get("items").get(0).get("declineCode").asString()).isEqualTo("card-declined");
        assertThat(both.json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(neither.json().get("items").isEmpty()).isTrue();
        assertThat(neither.json().get("totalPages").asLong()).isZero();
    }

    @Test
    void readsOneChargeAndAnswers404ForAnUnknownOne() {
        String id = chargeOf("tok_mastercard", "3.00").json().get("id").asString();

        ApiResponse found = merchant(api.get("/v1/charges/" + id)).send();
        ApiResponse unknown = merchant(api.get("/v1/charges/ch_nothing")).send();

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("card").get("brand").asString()).isEqualTo("mastercard");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:problem:sandbox:charge-not-found");
    }

    @Test
    void pagesChargesCappingTheSize() {
        chargeOf("tok_visa", "1.00");
        chargeOf("tok_visa", "1.00");

        ApiResponse page = merchant(api.get("/v1/charges")).query("page", 1).query("size", 1).send();
        ApiResponse capped = merchant(api.get("/v1/charges")).query("size", 500).send();
        ApiResponse refused = merchant(api.get("/v1/charges")).query("size", 0).send();

        assertThat(page.json().get("page").asInt()).isEqualTo(1);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(capped.json().get("size").asInt()).isEqualTo(100);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void theLedgerTotalsReconcileWithTheLists() {
        chargeOf("tok_visa", "11.00");
        chargeOf("tok_declined", "5.00");
        String refunded = chargeOf("tok_visa", "4.00").json().get("id").asString();
        refund(UUID.randomUUID().toString(), Charges.refundOf(refunded, "1.50"));

        JsonNode ledger = merchant(api.get("/v1/ledger")).send().json();
        List<JsonNode> charges = all("/v1/charges");
        List<JsonNode> refunds = all("/v1/refunds");

        BigDecimal charged = BigDecimal.ZERO;
        long succeeded = 0;
        long declined = 0;
        for (JsonNode charge : charges) {
            if (charge.get("status").asString().equals("succeeded")) {
                succeeded++;
                charged = charged.add(charge.get("amount").decimalValue());
            } else {
                declined++;
            }
        }
        BigDecimal refundedTotal = BigDecimal.ZERO;
        for (JsonNode refund : refunds) {
            refundedTotal = refundedTotal.add(refund.get("amount").decimalValue());
        }
        assertThat(ledger.get("currency").asString()).isEqualTo("USD");
        assertThat(ledger.get("charges").asLong()).isEqualTo(charges.size());
        assertThat(ledger.get("succeeded").asLong()).isEqualTo(succeeded);
        assertThat(ledger.get("declined").asLong()).isEqualTo(declined);
        assertThat(ledger.get("amountCharged").decimalValue()).isEqualByComparingTo(charged);
        assertThat(ledger.get("amountRefunded").decimalValue()).isEqualByComparingTo(refundedTotal);
        assertThat(merchant(api.get("/v1/ledger")).query("currency", "usd").send().status()).isEqualTo(400);
        assertThat(merchant(api.get("/v1/ledger")).query("currency", "EUR").send().json().get("charges").asLong())
                .isZero();
    }

    /** Every item of a list, page by page (100 at a time). */
    private List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = merchant(api.get(path)).query("page", page).query("size", 100).send().json();
            answer.get("items").forEach(items::add);
            if (page + 1 >= answer.get("totalPages").asInt()) {
                return items;
            }
        }
    }
}
