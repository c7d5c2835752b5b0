package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.emporium.platform.events.support.EventsSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The backbone's own Flyway history: it takes the service's connection and placeholders, and none of what belongs
 * to the service's history (its Java migrations, which Spring Boot hands to Flyway as beans, and its callbacks).
 * Migrates a service with one of each into a schema of its own.
 */
class EventsSchemaIT extends EventsTestBase {

    private static final AtomicInteger BACKFILLS = new AtomicInteger();
    private static final AtomicInteger AFTER_MIGRATES = new AtomicInteger();

    @Autowired
    Flyway serviceFlyway;

    private final String schema = "schema_probe_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropTheSchema() throws Exception {
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void runsNoneOfTheServicesJavaMigrationsOrCallbacksAgain() {
        Flyway service = Flyway.configure(serviceFlyway.getConfiguration().getClassLoader())
                .configuration(serviceFlyway.getConfiguration())
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .javaMigrations(new V3__Backfill_deposits())
                .callbacks(new CountAfterMigrate())
                .load();
        service.migrate();

        new EventsSchema(service).afterPropertiesSet();

        assertThat(BACKFILLS).as("the service's Java migration ran in the service's history only").hasValue(1);
        assertThat(AFTER_MIGRATES).as("the service's callback ran for the service's migration only").hasValue(1);
        assertThat(tablesOf(schema)).contains("event_outbox", "event_inbox", "event_dead_letter");
    }

    private List<String> tablesOf(String name) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                String.class, name);
    }

    /** A data migration of the service, as a Spring bean would hand it to Flyway. */
    static final class V3__Backfill_deposits extends BaseJavaMigration {

        @Override
        public void migrate(org.flywaydb.core.api.migration.Context context) {
            BACKFILLS.incrementAndGet();
        }
    }

    /** A callback of the service. */
    static final class CountAfterMigrate implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            AFTER_MIGRATES.incrementAndGet();
        }

        @Override
        public String getCallbackName() {
            return "count-after-migrate";
        }
    }
}
