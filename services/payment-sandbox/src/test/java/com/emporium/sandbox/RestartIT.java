package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The ledger is the database: a sandbox started again on it finds every charge, refund and token it had. */
class RestartIT extends PaymentSandboxIT {

    @Test
    void aRestartedSandboxKeepsItsLedger() {
        String key = UUID.randomUUID().toString();
        String body = Charges.request("tok_visa", "25.00", "restart-" + key);
        String chargeId;
        String token;
        String refundId;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient sandbox = client(first);
            token = sandbox.post("/v1/tokens").json(Charges.card("5555555555554444")).send().json().get("token")
                    .asString();
            chargeId = sandbox.post("/v1/charges").bearer(SECRET_KEY).header("Idempotency-Key", key).json(body)
                    .send().json().get("id").asString();
            refundId = sandbox.post("/v1/refunds").bearer(SECRET_KEY)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .json(Charges.refundOf(chargeId, "5.00")).send().json().get("id").asString();
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient sandbox = client(second);
            ApiResponse charge = sandbox.get("/v1/charges/" + chargeId).bearer(SECRET_KEY).send();
            ApiResponse replay = sandbox.post("/v1/charges").bearer(SECRET_KEY).header("Idempotency-Key", key)
                    .json(body).send();
            ApiResponse refund = sandbox.get("/v1/refunds/" + refundId).bearer(SECRET_KEY).send();
            ApiResponse reused = sandbox.post("/v1/charges").bearer(SECRET_KEY)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .json(Charges.request(token, "1.00", "restart-token")).send();

            assertThat(charge.status()).isEqualTo(200);
            assertThat(charge.json().get("amountRefunded").decimalValue()).isEqualByComparingTo("5.00");
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.header("Idempotent-Replayed")).contains("true");
            assertThat(replay.json().get("id").asString()).isEqualTo(chargeId);
            assertThat(refund.status()).isEqualTo(200);
            assertThat(reused.status()).isEqualTo(201);
            assertThat(reused.json().get("card").get("brand").asString()).isEqualTo("mastercard");
        }
    }

    private static ConfigurableApplicationContext start() {
        // command-line arguments, as the environment would: default properties rank below application.yaml
        Map<String, Object> properties = new HashMap<>(settings());
        properties.put("server.port", 0);
        String[] arguments = properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(PaymentSandboxApplication.class).run(arguments);
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return ApiClient.local(port, com.emporium.test.contract.ContractRecorder.shared("payment-sandbox"));
    }
}
