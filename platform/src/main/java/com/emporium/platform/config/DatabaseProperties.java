package com.emporium.platform.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service's database is. {@code url} is the application's login (it reads and writes data only);
 * {@code migrationUrl} is the schema owner's, used by Flyway alone. Both accept the {@code postgres://} form.
 */
@ConfigurationProperties("emporium.database")
public record DatabaseProperties(@Nullable String url, @Nullable String migrationUrl) {
}
