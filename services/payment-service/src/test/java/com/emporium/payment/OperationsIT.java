package com.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.test.http.ApiResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Health, metrics, the database role's privileges, and no card number anywhere. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT extends PaymentServiceIT {

    private static final String CARD = "4242424242424242";

    @Test
    void isLiveAndReadyAndExposesTheProvidersBreaker() {
        ApiResponse live = api.get("/health/live").send();
        ApiResponse ready = api.get("/health/ready").send();
        ApiResponse metrics = api.get("/metrics").send();

        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("resilience4j_circuitbreaker_state{").contains("payment-provider")
                .contains("service=\"payment-service\"");
    }

    @Test
    void theApplicationRoleCannotChangeTheSchemaOrDeleteWhatItKeeps() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute("CREATE TABLE intruder (id int)"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("ALTER TABLE payments ADD COLUMN intruder text"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute("DELETE FROM refunds WHERE false"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("DELETE FROM order_facts WHERE false"))
                    .withMessageContaining("permission denied");
            assertThat(sql.executeUpdate("DELETE FROM payments WHERE false")).isZero();
        }
    }

    @Test
    void theDatabaseAllowsOneLiveChargePerOrder() throws SQLException {
        Person ada = customer();
        UUID order = order(ada);
        pay(ada, order, "tok_visa", key()).send();
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute("""
                    INSERT INTO payments (id, order_id, customer_id, amount_minor, currency, status, created_at,
                        updated_at) VALUES ('%s', '%s', '%s', 2500, 'USD', 'processing', now(), now())"""
                    .formatted(UUID.randomUUID(), order, ada.id()))).withMessageContaining("payments_one_live_per_order");
        }
    }

    @Test
    void aCardNumberSentInTheBodyOrAsTheTokenIsNeitherLoggedNorStored(CapturedOutput output) throws SQLException {
        Person ada = customer();
        UUID order = order(ada);

        pay(ada, java.util.Map.of("orderId", order, "paymentToken", "tok_visa", "number", CARD), key()).send();
        pay(ada, order, CARD, key()).send();
        pay(ada, order, "4242 4242 4242 4242", key()).send();
        pay(ada, order, "tok_visa", key()).send();

        assertThat(output.getAll()).doesNotContain(CARD).doesNotContain("4242 4242 4242 4242");
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            List<String[]> columns = new java.util.ArrayList<>();
            try (var rs = sql.executeQuery("""
                    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
                    AND data_type IN ('text', 'character varying', 'jsonb', 'json')""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).isNotEmpty();
            for (String[] column : columns) {
                try (var rs = sql.executeQuery("SELECT count(*) FROM \"%s\" WHERE \"%s\"::text LIKE '%%4242424242424242%%'"
                        .formatted(column[0], column[1]))) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(column[0] + "." + column[1]).isZero();
                }
            }
        }
    }
}
