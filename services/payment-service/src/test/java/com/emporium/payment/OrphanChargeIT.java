package com.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.payment.payments.PaymentLedger;
import com.emporium.payment.sandbox.LookupOutcome;
import com.emporium.payment.sandbox.SandboxClient;
import com.emporium.test.http.ApiResponse;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A charge the provider commits after its payment was given up ({@code charge-not-received}) is an orphan: the money
 * was taken for a payment the order was told failed. It must be refunded, never dropped.
 */
class OrphanChargeIT extends PaymentServiceIT {

    @Autowired
    PaymentLedger ledger;

    @Autowired
    SandboxClient provider;

    @Test
    void aChargeCommittedAfterThePaymentWasGivenUpIsRefunded() {
        Person ada = customer();
        UUID order = order(ada);
        SANDBOX.loseCharges(READ_TIMEOUT.multipliedBy(2));
        UUID id = UUID.fromString(pay(ada, order, "tok_visa", key()).send().json().get("id").asString());
        SANDBOX.behave();
        await().atMost(PATIENCE).until(() -> statusOf(id).equals("failed"));

        SANDBOX.commitLate(id, "tok_visa", new BigDecimal("25.00"));
        LookupOutcome.Found late = (LookupOutcome.Found) provider.findCharge(id);
        ledger.record(id, late.outcome());
        ledger.record(id, late.outcome());

        String chargeId = jdbc.queryForObject("SELECT charge_id FROM payments WHERE id = ?", String.class, id);
        assertThat(chargeId).isNotNull();
        await().atMost(PATIENCE).until(() -> refundsOf(chargeId) == 1);
        await().atMost(PATIENCE).until(() -> "succeeded".equals(jdbc.queryForObject(
                "SELECT r.status FROM refunds r WHERE r.payment_id = ?", String.class, id)));
        ApiResponse read = api.get("/api/payments/" + id).bearer(ada.token()).send();
        JsonNode payment = read.json();
        assertThat(payment.get("status").asString()).isEqualTo("failed");
        assertThat(payment.get("failureReason").asString()).isEqualTo("charge-not-received");
        assertThat(payment.get("refund").get("reason").asString()).isEqualTo("orphan-charge");
        assertThat(payment.get("refund").get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("refund").get("amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(refundsOf(chargeId)).isOne();
        assertThat(pay(ada, order, "tok_visa", key()).send().status()).isEqualTo(201);
    }

    private long refundsOf(String chargeId) {
        return SANDBOX.refunds().stream().map(Map.class::cast).filter(r -> chargeId.equals(r.get("chargeId"))).count();
    }
}
