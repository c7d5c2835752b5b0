package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefundsIT extends PaymentSandboxIT {

    @Test
    void refundsPartThenTheRestThenNothingMore() {
        String charge = succeededCharge("30.00");

        ApiResponse part = refund(UUID.randomUUID().toString(), Charges.refundOf(charge, "10.50"));
        ApiResponse rest = refund(UUID.randomUUID().toString(), Charges.refundOf(charge, null));
        ApiResponse more = refund(UUID.randomUUID().toString(), Charges.refundOf(charge, "0.01"));

        assertThat(part.status()).isEqualTo(201);
        JsonNode partial = part.json();
        assertThat(partial.get("id").asString()).matches("re_[A-Za-z0-9]{24}");
        assertThat(partial.get("chargeId").asString()).isEqualTo(charge);
        assertThat(partial.get("amount").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(partial.get("currency").asString()).isEqualTo("USD");
        assertThat(partial.get("status").asString()).isEqualTo("succeeded");
        assertThat(partial.get("reason").asString()).isEqualTo("order-cancelled");
        assertThat(part.header("Location")).contains("/v1/refunds/" + partial.get("id").asString());
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.json().get("amount").decimalValue()).isEqualByComparingTo("19.50");
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().get("type").asString()).isEqualTo("urn:problem:sandbox:refund-exceeds-charge");
        assertThat(more.json().get("amountRefundable").decimalValue()).isEqualByComparingTo("0");

        JsonNode after = merchant(api.get("/v1/charges/" + charge)).send().json();
        assertThat(after.get("amountRefunded").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(after.get("refunds")).hasSize(2);
        assertThat(after.get("refunds").get(0).get("id")).isEqualTo(rest.json().get("id"));
    }

    @Test
    void refusesARefundOverWhatIsLeft() {
        String charge = succeededCharge("10.00");

        ApiResponse refused = refund(UUID.randomUUID().toString(), Charges.refundOf(charge, "10.01"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:sandbox:refund-exceeds-charge");
        assertThat(refused.json().get("amountRefundable").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refunds WHERE charge_id = ?", Long.class, charge))
                .isZero();
    }

    @Test
    void refusesToRefundADeclinedChargeOrOneThatDoesNotExist() {
        String declined = charge(UUID.randomUUID().toString(), Charges.request("tok_declined", "5.00", "d"))
                .json().get("charge").get("id").asString();

        ApiResponse notRefundable = refund(UUID.randomUUID().toString(), Charges.refundOf(declined, null));
        ApiResponse unknown = refund(UUID.randomUUID().toString(), Charges.refundOf("ch_nothing", null));

        assertThat(notRefundable.status()).isEqualTo(422);
        assertThat(notRefundable.json().get("type").asString())
                .isEqualTo("urn:problem:sandbox:charge-not-refundable");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:problem:sandbox:charge-not-found");
    }

    @Test
    void refundsOncePerKeyAndRefusesTheKeyWithAnotherRequest() {
        String charge = succeededCharge("10.00");
        String key = UUID.randomUUID().toString();

        ApiResponse first = refund(key, Charges.refundOf(charge, "2.00"));
        ApiResponse again = refund(key, Charges.refundOf(charge, "2.00"));
        ApiResponse reused = refund(key, Charges.refundOf(charge, "3.00"));
        ApiResponse noKey = merchant(api.post("/v1/refunds")).json(Charges.refundOf(charge, "2.00")).send();
        ApiResponse invalid = refund(UUID.randomUUID().toString(), "{\"chargeId\": \"" + charge
                + "\", \"amount\": 1.001, \"reason\": \"" + "r".repeat(101) + "\", \"extra\": 1}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("urn:problem:sandbox:idempotency-key-reused");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(TokenizationIT.fields(invalid)).containsExactlyInAnyOrder("amount", "reason", "extra");
        assertThat(merchant(api.get("/v1/charges/" + charge)).send().json().get("amountRefunded").decimalValue())
                .isEqualByComparingTo("2.00");
    }

    @Test
    void concurrentRefundsNeverExceedTheCharge() throws Exception {
        String charge = succeededCharge("10.00");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();

        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return refund(UUID.randomUUID().toString(), Charges.refundOf(charge, "3.00"));
                }));
            }
            start.countDown();
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiResponse> answer : answers) {
            statuses.add(answer.get().status());
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(13);
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM refunds WHERE charge_id = ?", Long.class, charge))
                .isEqualTo(900);
        assertThat(jdbc.queryForObject("SELECT amount_refunded FROM charges WHERE id = ?", Long.class, charge))
                .isEqualTo(900);
    }

    @Test
    void listsAndReadsRefunds() {
        String charge = succeededCharge("10.00");
        String first = refund(UUID.randomUUID().toString(), Charges.refundOf(charge, "1.00")).json().get("id")
                .asString();
        String second = refund(UUID.randomUUID().toString(), Charges.refundOf(charge, "2.00")).json().get("id")
                .asString();

        ApiResponse list = merchant(api.get("/v1/refunds")).query("chargeId", charge).send();
        ApiResponse all = merchant(api.get("/v1/refunds")).query("size", 1).send();
        ApiResponse one = merchant(api.get("/v1/refunds/" + first)).send();
        ApiResponse none = merchant(api.get("/v1/refunds/re_nothing")).send();
        ApiResponse badPage = merchant(api.get("/v1/refunds")).query("page", -1).send();

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("totalItems").asLong()).isEqualTo(2);
        assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(second);
        assertThat(list.json().get("items").get(1).get("id").asString()).isEqualTo(first);
        assertThat(all.json().get("items")).hasSize(1);
        assertThat(all.json().get("totalPages").asLong()).isEqualTo(all.json().get("totalItems").asLong());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("amount").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("type").asString()).isEqualTo("urn:problem:sandbox:refund-not-found");
        assertThat(badPage.status()).isEqualTo(400);
    }

    private String succeededCharge(String amount) {
        ApiResponse charged = chargeOf("tok_visa", amount);
        assertThat(charged.status()).isEqualTo(201);
        return charged.json().get("id").asString();
    }
}
