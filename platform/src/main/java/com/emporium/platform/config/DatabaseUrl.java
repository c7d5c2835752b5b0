package com.emporium.platform.config;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A PostgreSQL location in the {@code postgres://user:pass@host:port/db?params} form that twelve-factor
 * platforms hand out, turned into what JDBC needs. A {@code jdbc:postgresql:} URL is accepted unchanged.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    private static final int DEFAULT_PORT = 5432;

    public DatabaseUrl {
        if (jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("database URL must not be blank");
        }
    }

    public static DatabaseUrl parse(String url) {
        return parse(url, "", "");
    }

    /** Parses {@code url}; the fallbacks apply to a JDBC URL, which carries no credentials of its own here. */
    public static DatabaseUrl parse(String url, String fallbackUser, String fallbackPassword) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, fallbackUser, fallbackPassword);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException ex) {
            // not chained: the cause's message quotes the whole URL, password and all, into every stack trace
            throw new IllegalArgumentException(
                    "not a database URL (" + ex.getReason() + " at index " + ex.getIndex() + "): " + redact(trimmed));
        }
        String scheme = uri.getScheme();
        if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
            throw new IllegalArgumentException(
                    "database URL must start with postgres:// or postgresql://, got: " + redact(trimmed));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("database URL has no host: " + redact(trimmed));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty()) {
            throw new IllegalArgumentException("database URL names no database: " + redact(trimmed));
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]" : uri.getHost();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(database);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String user = fallbackUser;
        String password = fallbackPassword;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseUrl(jdbc.toString(), user, password);
    }

    /**
     * Undoes the percent-escapes of RFC 3986 and nothing else. {@code URLDecoder} decodes HTML forms, where a
     * {@code +} stands for a space, and would turn the password {@code a+b} into {@code a b}. {@link URI} has
     * already checked that every {@code %} starts an escape of two hex digits.
     */
    private static String decode(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        int from = 0;
        for (int escape = part.indexOf('%'); escape >= 0; escape = part.indexOf('%', from)) {
            bytes.writeBytes(part.substring(from, escape).getBytes(StandardCharsets.UTF_8));
            bytes.write(HexFormat.fromHexDigits(part, escape + 1, escape + 3));
            from = escape + 3;
        }
        bytes.writeBytes(part.substring(from).getBytes(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The URL with its password masked, for error messages and logs. */
    static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1****@");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=****]";
    }
}
