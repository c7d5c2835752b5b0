package com.emporium.platform.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service's database is. {@code url} is the application's login (it reads and writes data only);
 * {@code migrationUrl} is the schema owner's, used by Flyway alone. Both accept the {@code postgres://} form.
 * {@code appRole} is the role the migrations grant data access to: by default the login of {@code url}; name
 * a group role here when the application's logins rotate.
 */
@ConfigurationProperties("emporium.database")
public record DatabaseProperties(@Nullable String url, @Nullable String migrationUrl, @Nullable String appRole) {
}
