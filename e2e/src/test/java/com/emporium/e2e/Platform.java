package com.emporium.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform under test, as its run folder describes it: {@code services.env}, which {@code ./emporium start}
 * writes (each service's URL, and each database's URL), and {@code e2e.env}, which {@code e2e/platform start}
 * writes (the secrets it made for the run).
 *
 * <p>The folder is the system property {@code emporium.e2e.platform} (the e2e pom sets it to
 * {@code e2e/target/platform}), else the environment variable {@code EMPORIUM_E2E_PLATFORM}. A platform started
 * by {@code ./emporium run} or {@code start} has no {@code e2e.env}: its secrets are then taken from the
 * environment ({@code JWT_KEY_ENCRYPTION_KEY}, {@code ADMIN_EMAIL}, {@code ADMIN_PASSWORD}), else they are
 * user-service's development defaults, which such a platform runs with unless told otherwise.
 */
public final class Platform {

    private static final String PROPERTY = "emporium.e2e.platform";
    private static final String VARIABLE = "EMPORIUM_E2E_PLATFORM";
    /** user-service's development defaults (its application.yaml), used by ./emporium run unless overridden. */
    private static final Map<String, String> DEVELOPMENT_DEFAULTS = Map.of(
            "JWT_KEY_ENCRYPTION_KEY", "ZGV2ZWxvcG1lbnQtb25seS1lbXBvcml1bS1rZXkhISE=",
            "ADMIN_EMAIL", "admin@example.com",
            "ADMIN_PASSWORD", "admin-dev-password-change-me");

    /** The payment sandbox's development default secret key (its application.yaml). */
    private static final String SANDBOX_DEVELOPMENT_KEY = "sandbox-dev-secret-key";

    private static final Platform CURRENT = load();

    private final Path folder;
    private final Map<String, String> services;
    private final Map<String, String> secrets;

    private Platform(Path folder, Map<String, String> services, Map<String, String> secrets) {
        this.folder = folder;
        this.services = services;
        this.secrets = secrets;
    }

    /** The platform this test run is pointed at. */
    public static Platform current() {
        return CURRENT;
    }

    /** The gateway's root, the only way in for every test. */
    public URI gateway() {
        return URI.create(service("GATEWAY_URL"));
    }

    /** user-service's database as its application role (read-only use: the tests look, never write). */
    public DatabaseUrl userServiceDatabase() {
        return DatabaseUrl.parse(service("USER_SERVICE_DATABASE_URL"));
    }

    /** inventory-service's database as its application role (the tests look, never write). */
    public DatabaseUrl inventoryServiceDatabase() {
        return DatabaseUrl.parse(service("INVENTORY_SERVICE_DATABASE_URL"));
    }

    /** order-service's database as its application role (the tests look, never write). */
    public DatabaseUrl orderServiceDatabase() {
        return DatabaseUrl.parse(service("ORDER_SERVICE_DATABASE_URL"));
    }

    /** The storefront's root: the page a shopper opens. */
    public URI storefront() {
        return URI.create(service("FRONTEND_URL"));
    }

    /** payment-service's database as its application role (the tests look, never write). */
    public DatabaseUrl paymentServiceDatabase() {
        return DatabaseUrl.parse(service("PAYMENT_SERVICE_DATABASE_URL"));
    }

    /**
     * The payment sandbox's root. Like the storefront, a test tokenizes cards there directly; it also reads the
     * sandbox's ledger there, with the secret key payment-service charges with.
     */
    public URI paymentSandbox() {
        return URI.create(service("PAYMENT_SANDBOX_URL"));
    }

    /** The secret key of the sandbox's charge, refund and ledger API (its development default unless set). */
    public String sandboxSecretKey() {
        return Optional.ofNullable(System.getenv("SANDBOX_SECRET_KEY")).orElse(SANDBOX_DEVELOPMENT_KEY);
    }

    /**
     * The Zipkin server the platform's services send their spans to (the run command starts one; its API is under
     * {@code /api/v2}).
     */
    public URI zipkin() {
        return URI.create(service("ZIPKIN_URL"));
    }

    /** The run folder: pids/, logs/, services.env. */
    public Path folder() {
        return folder;
    }

    /**
     * A value e2e/platform recorded in e2e.env for this run ({@code EMPORIUM_RABBIT_VHOST},
     * {@code RESERVATION_HOLD}, …); empty for a platform it did not start.
     */
    public Optional<String> runSetting(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /** The key (base64) that encrypts user-service's signing keys at rest. */
    public String keyEncryptionKey() {
        return secret("JWT_KEY_ENCRYPTION_KEY");
    }

    public String adminEmail() {
        return secret("ADMIN_EMAIL");
    }

    public String adminPassword() {
        return secret("ADMIN_PASSWORD");
    }

    private String service(String name) {
        String value = services.get(name);
        if (value == null) {
            throw new IllegalStateException(folder.resolve("services.env") + " has no " + name);
        }
        return value;
    }

    private String secret(String name) {
        return Optional.ofNullable(secrets.get(name))
                .or(() -> Optional.ofNullable(System.getenv(name)))
                .orElseGet(() -> DEVELOPMENT_DEFAULTS.get(name));
    }

    private static Platform load() {
        String named = Optional.ofNullable(System.getProperty(PROPERTY)).orElseGet(() -> System.getenv(VARIABLE));
        if (named == null || named.isBlank()) {
            throw new IllegalStateException("No platform to test: set the system property " + PROPERTY
                    + " (or " + VARIABLE + ") to the run folder of a running platform, e.g. .run");
        }
        Path folder = Path.of(named).toAbsolutePath().normalize();
        Path services = folder.resolve("services.env");
        if (!Files.isReadable(services)) {
            throw new IllegalStateException(services + " is missing: no platform was started with that run folder"
                    + " (e2e/platform start, or ./emporium start)");
        }
        Path secrets = folder.resolve("e2e.env");
        return new Platform(folder, readEnv(services), Files.isReadable(secrets) ? readEnv(secrets) : Map.of());
    }

    /** KEY=VALUE lines; blank lines and # comments are skipped. */
    static Map<String, String> readEnv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            String entry = line.strip();
            int equals = entry.indexOf('=');
            if (entry.isEmpty() || entry.startsWith("#") || equals <= 0) {
                continue;
            }
            values.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return values;
    }
}
