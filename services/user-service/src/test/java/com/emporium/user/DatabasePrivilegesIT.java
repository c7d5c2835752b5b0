package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The application's role reads and writes rows; only the owner, through Flyway, changes the schema. */
class DatabasePrivilegesIT extends UserServiceIT {

    @Test
    void theApplicationRoleCannotChangeTheSchema() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("CREATE TABLE intruder (id int)"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("ALTER TABLE users ADD COLUMN intruder text"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("DROP TABLE refresh_tokens"))
                    .withMessageContaining("must be owner");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("TRUNCATE users"))
                    .withMessageContaining("permission denied");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.execute("DELETE FROM flyway_schema_history"))
                    .withMessageContaining("permission denied");
        }
    }

    @Test
    void theApplicationRoleReadsAndWritesRows() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThat(sql.executeQuery("SELECT count(*) FROM users").next()).isTrue();
            assertThat(sql.executeUpdate("UPDATE users SET updated_at = updated_at WHERE false")).isZero();
        }
    }

    @Test
    void theDatabaseRefusesAnUnnormalizedEmailOrAnUnknownRole() throws SQLException {
        try (Connection app = DATABASE.connectAsApp(); Statement sql = app.createStatement()) {
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute("""
                    INSERT INTO users VALUES (gen_random_uuid(), 'Upper@Example.com', 'x', 'x', '{customer}', null,
                    now(), now())"""));
            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> sql.execute("""
                    INSERT INTO users VALUES (gen_random_uuid(), 'lower@example.com', 'x', 'x', '{root}', null,
                    now(), now())"""));
        }
    }
}
