package com.emporium.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Gateway;
import com.emporium.e2e.Orders;
import com.emporium.e2e.Payments;
import com.emporium.e2e.Platform;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secret in any log line. After a journey of its own (register, a wrong password, login, refresh, logout, an
 * admin login, a checkout paid by card) on top of whatever the other tests did, every file in the platform's
 * {@code logs/} folder is scanned for:
 * <ul>
 * <li>the passwords used: the journey's own, the wrong one it tried, the e2e accounts' shared one, the admin's;</li>
 * <li>the access tokens and refresh cookie values the journey was given, verbatim;</li>
 * <li>anything shaped like a JWT, whoever's: {@code eyJ…} header, a dot, {@code eyJ…} payload;</li>
 * <li>card numbers: a run of 13 to 19 digits (or groups of four split by spaces or dashes) that passes the Luhn
 * check and starts as the card networks' numbers do (2 to 6), such as the journey's 4242424242424242. Trace and
 * span ids are left out first: they are hex, and a run of digits inside one is no card.</li>
 * </ul>
 */
class LogHygieneIT {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}");
    private static final Pattern DIGITS = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){2}[ -]\\d{1,7})(?![0-9A-Za-z])");
    private static final Pattern TRACE_FIELDS = Pattern.compile(
            "\"(?:traceId|spanId|trace_id|span_id|traceparent)\"\\s*:\\s*\"[^\"]*\"|traceparent=[0-9a-f-]+");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void noPasswordTokenRefreshCookieOrCardNumberIsLogged() {
        Map<String, String> secrets = journey();

        List<String> findings = new ArrayList<>();
        for (Path log : logFiles()) {
            List<String> lines = read(log);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                String where = log.getFileName() + ":" + (n + 1);
                secrets.forEach((what, secret) -> {
                    if (line.contains(secret)) {
                        findings.add(where + ": " + what);
                    }
                });
                if (JWT.matcher(line).find()) {
                    findings.add(where + ": a JWT");
                }
                Matcher digits = DIGITS.matcher(TRACE_FIELDS.matcher(line).replaceAll("\"\""));
                while (digits.find()) {
                    String number = digits.group().replaceAll("[ -]", "");
                    if (number.length() >= 13 && number.length() <= 19 && number.charAt(0) >= '2'
                            && number.charAt(0) <= '6' && luhn(number)) {
                        findings.add(where + ": a card number ending " + number.substring(number.length() - 4));
                    }
                }
            }
        }

        assertThat(logFiles()).as("service logs in %s", logsDir()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(findings).as("secrets in the platform's logs (file:line: what)").isEmpty();
    }

    /** Drives the journey; what it must never find in a log, by what it is. */
    private static Map<String, String> journey() {
        Map<String, String> secrets = new LinkedHashMap<>();
        ApiClient users = Gateway.client("user-service");
        String email = Accounts.newEmail();
        String password = "log-hygiene " + UUID.randomUUID();
        String wrong = "not-the-password " + UUID.randomUUID();
        secrets.put("the journey's password", password);
        secrets.put("a wrong password tried", wrong);
        secrets.put("the e2e accounts' password", Accounts.PASSWORD);
        secrets.put("the admin's password", Platform.current().adminPassword());

        ApiResponse registered = users.post("/api/auth/register")
                .json(Map.of("email", email, "password", password, "displayName", "Hygiene")).send();
        assertThat(registered.status()).as("registering: %s", registered).isEqualTo(201);
        ApiResponse refused = users.unchecked().post("/api/auth/login").json(Accounts.credentials(email, wrong)).send();
        assertThat(refused.status()).isEqualTo(401);
        Account customer = Accounts.login(users, email, password);
        secrets.put("an access token", customer.accessToken());
        secrets.put("a refresh cookie", customer.refreshToken());
        ApiResponse refreshed = users.post("/api/auth/refresh").cookie(Accounts.REFRESH_COOKIE, customer.refreshToken())
                .send();
        assertThat(refreshed.status()).as("refreshing: %s", refreshed).isEqualTo(200);
        secrets.put("a refreshed access token", refreshed.json().get("accessToken").asString());
        String rotated = refreshed.cookie(Accounts.REFRESH_COOKIE).orElseThrow().value();
        secrets.put("a rotated refresh cookie", rotated);
        Account admin = Accounts.admin();
        secrets.put("the admin's access token", admin.accessToken());

        Catalog.Product product = Catalog.product(2, "3.30");
        ApiResponse placed = Orders.place(Gateway.client("order-service"), customer, Orders.orderOf(product.id(), 1));
        assertThat(placed.status()).as("placing an order: %s", placed).isEqualTo(201);
        UUID order = UUID.fromString(placed.json().get("orderId").asString());
        String token = Payments.tokenize(Payments.CARD_SUCCEEDS);
        secrets.put("the card number", Payments.CARD_SUCCEEDS);
        ApiResponse paid = Payments.pay(Gateway.client("payment-service"), customer, order, token);
        assertThat(paid.status()).as("paying: %s", paid).isEqualTo(201);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Orders.statusOf(order).equals("confirmed"));
        ApiResponse loggedOut = users.post("/api/auth/logout").cookie(Accounts.REFRESH_COOKIE, rotated).send();
        assertThat(loggedOut.status()).isBetween(200, 204);
        return secrets;
    }

    private static boolean luhn(String number) {
        int sum = 0;
        boolean twice = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static Path logsDir() {
        return Platform.current().folder().resolve("logs");
    }

    private static List<Path> logFiles() {
        try (Stream<Path> files = Files.list(logsDir())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + logsDir(), ex);
        }
    }

    private static List<String> read(Path file) {
        try {
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }
}
