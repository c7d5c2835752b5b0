package com.emporium.test.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database on the machine's real PostgreSQL that one test suite (one JVM) owns: an owner role that
 * migrations run as, an application role that may only read and write rows, and the database itself. It
 * is dropped when the JVM exits; databases left by a JVM that died are dropped by the next suite.
 *
 * <p>The server is reached as the superuser in {@code TEST_PG_ADMIN_URL} (default: {@code postgres} on
 * 127.0.0.1:5432, trust authentication, as on the project's machines and CI).
 */
public final class TestDatabase {

    private static final String PREFIX = "it_";
    private static final Pattern OWNED = Pattern.compile("^it_[a-z0-9_]+?_p(\\d+)_[a-f0-9]{8}$");
    private static final Map<String, TestDatabase> SHARED = new ConcurrentHashMap<>();

    private final String name;
    private final String ownerPassword = UUID.randomUUID().toString();
    private final String appPassword = UUID.randomUUID().toString();

    private TestDatabase(String name) {
        this.name = name;
    }

    /** This JVM's database for {@code service} (for example {@code "user_service"}), created on first use. */
    public static TestDatabase shared(String service) {
        return SHARED.computeIfAbsent(service, TestDatabase::create);
    }

    private static TestDatabase create(String service) {
        String safe = service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = PREFIX + safe + "_p" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase database = new TestDatabase(name);
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            dropAbandoned(admin);
            sql.execute("CREATE ROLE " + database.owner() + " LOGIN PASSWORD '" + database.ownerPassword + "'");
            sql.execute("CREATE ROLE " + database.app() + " LOGIN PASSWORD '" + database.appPassword + "'");
            sql.execute("CREATE DATABASE " + name + " OWNER " + database.owner());
            sql.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + name + " TO " + database.app());
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot create test database " + name
                    + " (is PostgreSQL running on " + adminUrl() + "?)", ex);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-" + name));
        return database;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return name + "_owner";
    }

    public String app() {
        return name + "_app";
    }

    /** The application role's URL in the {@code postgres://} form that {@code DATABASE_URL} takes. */
    public String appUrl() {
        return appUrl(host(), port());
    }

    /** The same, through another address (a {@code TcpProxy} in front of PostgreSQL). */
    public String appUrl(String host, int port) {
        return "postgres://" + app() + ":" + appPassword + "@" + host + ":" + port + "/" + name;
    }

    public String ownerUrl() {
        return "postgres://" + owner() + ":" + ownerPassword + "@" + host() + ":" + port() + "/" + name;
    }

    /** A JDBC connection as the application role, for tests that look at rows or probe privileges. */
    public Connection connectAsApp() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + name, app(),
                appPassword);
    }

    /** A JDBC connection as the owner role, for tests that change the schema (a trigger that injects a fault). */
    public Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + name, owner(),
                ownerPassword);
    }

    /** The server's host, as {@code TEST_PG_ADMIN_URL} names it. */
    public String host() {
        return server().getHost();
    }

    public int port() {
        int port = server().getPort();
        return port == -1 ? 5432 : port;
    }

    private static java.net.URI server() {
        return java.net.URI.create(adminUrl().substring("jdbc:".length()));
    }

    /** Drops the database and its roles, whoever is still connected. */
    public void drop() {
        try (Connection admin = admin()) {
            dropNamed(admin, name);
        } catch (SQLException ex) {
            System.err.println("could not drop test database " + name + ": " + ex.getMessage());
        }
    }

    private static void dropAbandoned(Connection admin) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'it\\_%'")) {
            while (rows.next()) {
                Matcher owned = OWNED.matcher(rows.getString(1));
                if (owned.matches() && ProcessHandle.of(Long.parseLong(owned.group(1))).isEmpty()) {
                    abandoned.add(rows.getString(1));
                }
            }
        }
        for (String database : abandoned) {
            dropNamed(admin, database);
        }
    }

    private static void dropNamed(Connection admin, String database) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("DROP ROLE IF EXISTS " + database + "_app");
            sql.execute("DROP ROLE IF EXISTS " + database + "_owner");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl(), System.getenv().getOrDefault("TEST_PG_ADMIN_USER", "postgres"),
                System.getenv().getOrDefault("TEST_PG_ADMIN_PASSWORD", ""));
    }

    private static String adminUrl() {
        return System.getenv().getOrDefault("TEST_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }
}
