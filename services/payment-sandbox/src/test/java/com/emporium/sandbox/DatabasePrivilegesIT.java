package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The application's role adds to the ledger and never deletes from it or changes what was charged; only the owner,
 * through Flyway, changes the schema. The schema itself keeps refunds within their charge.
 */
class DatabasePrivilegesIT extends PaymentSandboxIT {

    @Test
    void theApplicationRoleCannotChangeTheSchema() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("CREATE TABLE intruder (id int)"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("ALTER TABLE charges DROP CONSTRAINT charges_refunds_within_amount"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("DROP TRIGGER refunds_add_to_charge ON refunds"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("TRUNCATE charges"))
                    .withMessageContaining("permission denied");
        }
    }

    @Test
    void theApplicationRoleDeletesNothingAndChangesNoChargeButItsRefundedAmount() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            for (String table : new String[] {"card_tokens", "charges", "refunds", "retry_later_attempts",
                    "flyway_schema_history"}) {
                assertThatExceptionOfType(SQLException.class).as(table)
                        .isThrownBy(() -> sql.execute("DELETE FROM " + table + " WHERE false"))
                        .withMessageContaining("permission denied");
            }
            for (String change : new String[] {"UPDATE charges SET amount = amount WHERE false",
                    "UPDATE charges SET status = status WHERE false", "UPDATE refunds SET amount = amount WHERE false",
                    "UPDATE card_tokens SET behaviour = behaviour WHERE false"}) {
                assertThatExceptionOfType(SQLException.class).as(change)
                        .isThrownBy(() -> sql.execute(change))
                        .withMessageContaining("permission denied");
            }
            assertThat(sql.executeUpdate("UPDATE charges SET amount_refunded = amount_refunded WHERE false")).isZero();
        }
    }

    @Test
    void theDatabaseRefusesRefundsBeyondTheChargeOrOfADeclinedOneWhateverTheCodeDoes() throws SQLException {
        String charged = chargeOf("tok_visa", "5.00").json().get("id").asString();
        String declined = chargeOf("tok_declined", "5.00").json().get("charge").get("id").asString();

        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class).as("more than the charge")
                    .isThrownBy(() -> sql.execute(insertRefund("re_toomuch", charged, 501)))
                    .withMessageContaining("charges_refunds_within_amount");
            assertThatExceptionOfType(SQLException.class).as("a declined charge")
                    .isThrownBy(() -> sql.execute(insertRefund("re_declined", declined, 100)))
                    .withMessageContaining("charges_only_succeeded_are_refunded");
            sql.execute(insertRefund("re_direct", charged, 500));
            assertThatExceptionOfType(SQLException.class).as("one cent more")
                    .isThrownBy(() -> sql.execute(insertRefund("re_onemore", charged, 1)))
                    .withMessageContaining("charges_refunds_within_amount");
        }
        assertThat(jdbc.queryForObject("SELECT amount_refunded FROM charges WHERE id = ?", Long.class, charged))
                .isEqualTo(500);
    }

    private static String insertRefund(String id, String chargeId, long amount) {
        return """
                INSERT INTO refunds (id, idempotency_key, request_hash, charge_id, amount, currency, created_at)
                VALUES ('%s', '%s', '\\x00', '%s', %d, 'USD', now())
                """.formatted(id, id, chargeId, amount);
    }
}
