package com.emporium.e2e;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database as the platform's {@code postgres://user:password@host:port/database} URLs name it, for JDBC.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database}
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    static DatabaseUrl parse(String url) {
        URI uri = URI.create(url);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Not a postgres:// URL: " + uri.getScheme() + "://...");
        }
        String[] credentials = uri.getUserInfo().split(":", 2);
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath(),
                credentials[0], credentials.length > 1 ? credentials[1] : "");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Without the password, for messages. */
    @Override
    public String toString() {
        return user + "@" + jdbcUrl;
    }
}
