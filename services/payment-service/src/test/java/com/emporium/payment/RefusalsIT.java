package com.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The refusals every route gives before anything is read, charged or stored: who may call, and what it sent. */
class RefusalsIT extends PaymentServiceIT {

    @Test
    void customerRoutesRefuseATokenThatNamesNoCustomer() {
        String service = TOKENS.service();
        UUID order = order(customer());
        int attempts = SANDBOX.chargeAttempts();

        ApiResponse pay = api.post("/api/payments").bearer(service).header("Idempotency-Key", key())
                .json(Map.of("orderId", order, "paymentToken", "tok_visa")).send();
        ApiResponse list = api.get("/api/payments").bearer(service).send();
        ApiResponse one = api.get("/api/payments/" + UUID.randomUUID()).bearer(service).send();

        assertThat(pay.status()).isEqualTo(403);
        assertThat(pay.json().get("type").asString()).isEqualTo("urn:problem:emporium:forbidden");
        assertThat(list.status()).isEqualTo(403);
        assertThat(one.status()).isEqualTo(403);
        assertThat(SANDBOX.chargeAttempts()).isEqualTo(attempts);
        assertThat(paymentsOf(order)).isZero();
    }

    @Test
    void aBodyTooLargeOrNotJsonChargesNothing() {
        Person ada = customer();
        UUID order = order(ada);
        int attempts = SANDBOX.chargeAttempts();

        ApiResponse tooLarge = pay(ada, Map.of("orderId", order, "paymentToken", "tok_visa",
                "padding", "x".repeat(70 * 1024)), key()).send();
        ApiResponse notJson = api.post("/api/payments").bearer(ada.token()).header("Idempotency-Key", key())
                .body("text/plain", "orderId=" + order).send();

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("type").asString()).isEqualTo("urn:problem:emporium:payload-too-large");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.json().get("type").asString()).isEqualTo("urn:problem:emporium:unsupported-media-type");
        assertThat(SANDBOX.chargeAttempts()).isEqualTo(attempts);
        assertThat(paymentsOf(order)).isZero();
    }

    @Test
    void malformedIdsAndParametersAnswer400() {
        Person ada = customer();

        ApiResponse one = api.get("/api/payments/not-a-uuid").bearer(ada.token()).send();
        ApiResponse list = api.get("/api/payments").query("orderId", "not-a-uuid").bearer(ada.token()).send();
        ApiResponse refund = api.post("/api/payments/admin/payments/not-a-uuid/refund").bearer(admin()).send();

        assertThat(one.status()).isEqualTo(400);
        assertThat(list.status()).isEqualTo(400);
        assertThat(refund.status()).isEqualTo(400);
    }

    @Test
    void withoutATokenOrTheAdminRoleNothingIsShownOrRefunded() {
        Person ada = customer();
        String paymentId = pay(ada, order(ada), "tok_visa", key()).send().json().get("id").asString();

        ApiResponse one = api.get("/api/payments/" + paymentId).send();
        ApiResponse all = api.get("/api/payments/admin/payments").send();
        ApiResponse anonymousRefund = api.post("/api/payments/admin/payments/" + paymentId + "/refund").send();
        ApiResponse customerRefund = api.post("/api/payments/admin/payments/" + paymentId + "/refund")
                .bearer(ada.token()).send();

        assertThat(one.status()).isEqualTo(401);
        assertThat(all.status()).isEqualTo(401);
        assertThat(anonymousRefund.status()).isEqualTo(401);
        assertThat(customerRefund.status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM refunds WHERE payment_id = ?::uuid", paymentId)).isZero();
    }
}
