package com.emporium.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service on the platform library, with no database, to test what the platform gives every service. */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
class ProbeApplication {

    /** Command-line arguments: they outrank the platform's defaults, as a service's own configuration does. */
    static final String[] ARGUMENTS = {
        "--spring.application.name=probe",
        "--server.port=0",
        // public paths that overlap the admin (/api/*/admin/**) and service (/internal/**) routes below them
        "--emporium.security.public-paths=/api/probe/**,GET /internal/probe/**",
        "--emporium.security.jwt.jwk-set-uri=http://127.0.0.1:9/no-keys-needed",
        "--emporium.http.max-body-size=1KB",
        "--management.endpoint.health.group.ready.include=readinessState",
    };

    /** {@link #ARGUMENTS} with some replaced or added, each {@code --name=value}. */
    static String[] arguments(String... overrides) {
        Map<String, String> byName = new LinkedHashMap<>();
        Stream.concat(Arrays.stream(ARGUMENTS), Arrays.stream(overrides))
                .forEach(argument -> byName.put(argument.substring(0, argument.indexOf('=')), argument));
        return byName.values().toArray(String[]::new);
    }

    record Thing(@NotBlank String name, @Min(1) int quantity) {
    }

    @RestController
    static class ProbeController {

        static volatile CountDownLatch entered = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);

        @GetMapping("/api/probe/slow")
        String slow() throws InterruptedException {
            entered.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                return "released by timeout";
            }
            return "done";
        }

        @GetMapping("/api/probe/boom")
        String boom() {
            throw new IllegalStateException("secret internals: password=hunter2");
        }

        /** Throws what Spring's data access throws when the database is down, slow or busy. */
        @GetMapping("/api/probe/outage/{kind}")
        String outage(@PathVariable String kind) {
            var cause = new SQLException("FATAL: password authentication failed for user \"hunter2\"");
            throw switch (kind) {
                case "connection" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", cause);
                case "resource" -> new DataAccessResourceFailureException("database went away", cause);
                case "timeout" -> new QueryTimeoutException("select took too long", cause);
                case "transient" -> new TransientDataAccessResourceException("recovery in progress", cause);
                case "transaction" -> new CannotCreateTransactionException("Could not open JDBC Connection", cause);
                case "integrity" -> new DataIntegrityViolationException("duplicate key", cause);
                default -> new IllegalArgumentException(kind);
            };
        }

        @PostMapping(path = "/api/probe/form", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        String form(@RequestParam String name) {
            return name;
        }

        /** Reads the body as text the servlet way, past Spring's message converters. */
        @PostMapping(path = "/api/probe/text", consumes = MediaType.TEXT_PLAIN_VALUE)
        String text(HttpServletRequest request) throws IOException {
            StringWriter text = new StringWriter();
            request.getReader().transferTo(text);
            return "read " + text.toString().length() + " characters";
        }

        @PostMapping("/api/probe/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        /** The client's address as the service sees it, after Tomcat's RemoteIpValve. */
        @GetMapping("/api/probe/address")
        String address(HttpServletRequest request) {
            return request.getRemoteAddr();
        }

        @GetMapping("/api/private")
        String secret() {
            return "secret";
        }

        @GetMapping("/api/probe/admin/report")
        String adminReport() {
            return "report";
        }

        @GetMapping("/internal/probe")
        String internal() {
            return "internal";
        }
    }
}
