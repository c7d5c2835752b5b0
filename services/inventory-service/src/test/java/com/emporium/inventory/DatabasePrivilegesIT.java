package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The application's role reads and writes the rows it needs and nothing more; only the owner, through Flyway,
 * changes the schema. And the schema itself refuses stock that would go negative, whatever the code does.
 */
class DatabasePrivilegesIT extends InventoryServiceIT {

    @Test
    void theApplicationRoleCannotChangeTheSchema() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("CREATE TABLE intruder (id int)"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("ALTER TABLE product_stock DROP CONSTRAINT "
                            + "product_stock_available_not_negative"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("DROP TABLE reservations"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("TRUNCATE products"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("DELETE FROM flyway_schema_history"))
                    .withMessageContaining("permission denied");
        }
    }

    @Test
    void theApplicationRoleDeletesNothingItOwns() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            for (String table : new String[] {"products", "product_stock", "reservations", "reservation_lines",
                    "stock_adjustments"}) {
                assertThatExceptionOfType(SQLException.class).as(table)
                        .isThrownBy(() -> sql.execute("DELETE FROM " + table + " WHERE false"))
                        .withMessageContaining("permission denied");
            }
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("UPDATE stock_adjustments SET delta = delta WHERE false"))
                    .withMessageContaining("permission denied");
        }
    }

    @Test
    void theApplicationRoleReadsAndWritesTheRowsItNeeds() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThat(sql.executeQuery("SELECT count(*) FROM products").next()).isTrue();
            assertThat(sql.executeUpdate("UPDATE product_stock SET reserved = reserved WHERE false")).isZero();
            assertThat(sql.executeUpdate("UPDATE reservations SET status = status WHERE false")).isZero();
            assertThat(sql.executeQuery("SELECT count(*) FROM event_inbox").next()).isTrue();
        }
    }

    @Test
    void theDatabaseRefusesStockThatWouldGoNegativeWhateverTheCodeDoes() throws SQLException {
        UUID product = Catalog.withStock(api, 5);
        Reservations.reserve(api, UUID.randomUUID(), product, 2);

        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            String where = " WHERE product_id = '" + product + "'";
            assertThatExceptionOfType(SQLException.class).as("available below zero")
                    .isThrownBy(() -> sql.execute("UPDATE product_stock SET reserved = 6" + where))
                    .withMessageContaining("product_stock_available_not_negative");
            assertThatExceptionOfType(SQLException.class).as("reserved below zero")
                    .isThrownBy(() -> sql.execute("UPDATE product_stock SET reserved = -1" + where))
                    .withMessageContaining("product_stock_reserved_not_negative");
            assertThatExceptionOfType(SQLException.class).as("on hand below zero")
                    .isThrownBy(() -> sql.execute("UPDATE product_stock SET on_hand = -1, reserved = 0" + where))
                    .withMessageContaining("not_negative");
            assertThatExceptionOfType(SQLException.class).as("available is computed, never written")
                    .isThrownBy(() -> sql.execute("UPDATE product_stock SET available = 100" + where));
        }
        assertThat(stock(product)).isEqualTo(new StockRow(5, 2, 3));
    }
}
