package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The application's role reads and writes rows, and never deletes an order; only the owner, through Flyway,
 * changes the schema. The database refuses rows the status machine cannot produce.
 */
class DatabasePrivilegesIT extends OrderServiceIT {

    @Test
    void theApplicationRoleCannotChangeTheSchemaOrDeleteOrders() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("CREATE TABLE intruder (id int)"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("ALTER TABLE orders ADD COLUMN intruder text"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("DROP TABLE order_lines"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("DELETE FROM orders WHERE false"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("TRUNCATE idempotency_keys"))
                    .withMessageContaining("permission denied");
        }
    }

    @Test
    void theApplicationRoleReadsAndWritesRows() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThat(sql.executeQuery("SELECT count(*) FROM orders").next()).isTrue();
            assertThat(sql.executeUpdate("UPDATE orders SET updated_at = updated_at WHERE false")).isZero();
            assertThat(sql.executeUpdate("DELETE FROM idempotency_keys WHERE false")).isZero();
        }
    }

    @Test
    void theDatabaseRefusesAnUnknownStatusOrAHalfCancelledOrder() throws SQLException {
        String order = placed(customer()).toString();
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute(
                    "UPDATE orders SET status = 'lost' WHERE id = '" + order + "'"));
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute(
                    "UPDATE orders SET status = 'cancelled' WHERE id = '" + order + "'"));
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute(
                    "UPDATE order_lines SET quantity = 0 WHERE order_id = '" + order + "'"));
        }
    }
}
