package com.emporium.platform.events.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the backbone's tables ({@code db/emporium-events}) with the service's own Flyway settings (the same
 * owner connection and {@code appRole} placeholder) but a history table of its own, after the service's
 * migrations: the platform's versions and the service's never collide, and either may add migrations later.
 * What belongs to the service's history stays out of this one: its Java migrations (Spring Boot hands them to
 * Flyway as beans, whatever the locations say), its callbacks and resolvers, and its target version.
 */
public final class EventsSchema implements InitializingBean {

    static final String HISTORY_TABLE = "emporium_events_schema_history";
    static final String LOCATION = "classpath:db/emporium-events";

    private final Flyway serviceFlyway;

    /** @param serviceFlyway the service's Flyway, already migrated (the bean depends on its initializer) */
    public EventsSchema(Flyway serviceFlyway) {
        this.serviceFlyway = serviceFlyway;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure(serviceFlyway.getConfiguration().getClassLoader())
                .configuration(serviceFlyway.getConfiguration())
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .javaMigrations()
                .callbacks(new Callback[0])
                .resolvers(new MigrationResolver[0])
                .target("latest")
                // the schema already holds the service's tables: start this history from nothing, below V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
