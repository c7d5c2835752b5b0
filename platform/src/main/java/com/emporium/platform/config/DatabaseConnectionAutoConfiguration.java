package com.emporium.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns {@code emporium.database.url} (from {@code DATABASE_URL}) into Spring Boot's connection details, so the
 * data source connects as the application role while Flyway migrates as the schema owner. Flyway also gets the
 * application role's name as the {@code appRole} placeholder, for the grants a migration gives it.
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@ConditionalOnProperty("emporium.database.url")
@EnableConfigurationProperties(DatabaseProperties.class)
public final class DatabaseConnectionAutoConfiguration {

    @Bean
    JdbcConnectionDetails emporiumJdbcConnectionDetails(DatabaseProperties properties) {
        DatabaseUrl app = DatabaseUrl.parse(required(properties.url(), "emporium.database.url"));
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return app.username();
            }

            @Override
            public String getPassword() {
                return app.password();
            }

            @Override
            public String getJdbcUrl() {
                return app.jdbcUrl();
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    @ConditionalOnProperty("emporium.database.url")
    static final class FlywayConnection {

        @Bean
        FlywayConnectionDetails emporiumFlywayConnectionDetails(DatabaseProperties properties) {
            String url = properties.migrationUrl() == null || properties.migrationUrl().isBlank()
                    ? required(properties.url(), "emporium.database.url") : properties.migrationUrl();
            DatabaseUrl owner = DatabaseUrl.parse(url);
            return new FlywayConnectionDetails() {
                @Override
                public String getUsername() {
                    return owner.username();
                }

                @Override
                public String getPassword() {
                    return owner.password();
                }

                @Override
                public String getJdbcUrl() {
                    return owner.jdbcUrl();
                }
            };
        }

        @Bean
        FlywayConfigurationCustomizer emporiumAppRolePlaceholder(DatabaseProperties properties) {
            String appRole = properties.appRole() != null && !properties.appRole().isBlank() ? properties.appRole()
                    : DatabaseUrl.parse(required(properties.url(), "emporium.database.url")).username();
            if (appRole.isBlank()) {
                throw new IllegalStateException("emporium.database.app-role (DATABASE_APP_ROLE) must be set when "
                        + "DATABASE_URL carries no user name");
            }
            return configuration -> configuration.placeholders(java.util.Map.of("appRole", appRole));
        }
    }

    private static String required(@org.jspecify.annotations.Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set");
        }
        return value;
    }
}
