package com.emporium.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.payment.PaymentServiceIT;
import com.emporium.payment.PaymentServiceProperties;
import com.emporium.payment.sandbox.SandboxClient;
import com.emporium.test.http.ApiResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Refunds with more than one instance running, and refunds the provider refuses for good. A second {@link RefundWorker}
 * over the same database and provider stands for another instance of the service.
 */
class RefundWorkerIT extends PaymentServiceIT {

    @Autowired
    RefundRepository refunds;

    @Autowired
    PaymentLedger ledger;

    @Autowired
    SandboxClient provider;

    @Autowired
    PaymentServiceProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRefundInFlightAtOneInstanceIsNotSentByAnother() {
        Person ada = customer();
        UUID order = order(ada);
        String id = pay(ada, order, "tok_visa", key()).send().json().get("id").asString();
        RefundWorker otherInstance = new RefundWorker(refunds, ledger, provider, properties, clock, meters);
        SANDBOX.answerRefundsLate(Duration.ofMillis(300));
        int before = SANDBOX.refundAttempts();

        ApiResponse refund = api.post("/api/payments/admin/payments/" + id + "/refund").bearer(admin()).send();
        assertThat(refund.status()).isEqualTo(202);
        await().pollInterval(Duration.ofMillis(5)).atMost(PATIENCE)
                .until(() -> SANDBOX.refundAttempts() - before == 1);
        otherInstance.refundPending();

        await().atMost(PATIENCE).until(() -> "refunded".equals(refundStatusOf(id)));
        assertThat(SANDBOX.refundAttempts() - before).isOne();
        otherInstance.destroy();
    }

    @Test
    void aRefundTheProviderRefusesForGoodIsParkedAndListedForAdmins() {
        Person ada = customer();
        UUID order = order(ada);
        String id = pay(ada, order, "tok_visa", key()).send().json().get("id").asString();
        SANDBOX.refuseRefunds();
        int before = SANDBOX.refundAttempts();
        double parked = parkedSoFar();
        String boss = admin();

        api.post("/api/payments/admin/payments/" + id + "/refund").bearer(boss).send();

        await().atMost(PATIENCE).until(() -> "failed".equals(refundStatusOf(id)));
        await().during(Duration.ofMillis(600)).atMost(PATIENCE)
                .until(() -> SANDBOX.refundAttempts() - before == MAX_REFUND_REJECTIONS);
        ApiResponse read = api.get("/api/payments/" + id).bearer(ada.token()).send();
        assertThat(read.json().get("status").asString()).isEqualTo("succeeded");
        assertThat(read.json().get("refund").get("status").asString()).isEqualTo("failed");
        ApiResponse listed = api.get("/api/payments/admin/payments").query("refundStatus", "failed")
                .query("orderId", order).bearer(boss).send();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(parkedSoFar() - parked).isEqualTo(1.0);
        assertThat(api.get("/api/payments/admin/payments").query("refundStatus", "lost").bearer(boss).send()
                .status()).isEqualTo(400);
    }

    private String refundStatusOf(String paymentId) {
        return jdbc.queryForObject("SELECT refund_status FROM payments WHERE id = ?::uuid", String.class, paymentId);
    }

    private double parkedSoFar() {
        return meters.counter("payment.refunds.parked").count();
    }
}
