package com.emporium.e2e.observability;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /metrics} of the running platform, scraped as Prometheus scrapes it (directly, from loopback), after
 * a checkout went through: each passes {@code promtool check metrics}; every metric a dashboard or a rule reads is
 * in a live scrape (a per-service dashboard's in that service's); the checkout was counted; requests are counted
 * under their route template; and the gateway's own metrics are not served to the public it faces.
 */
class MetricsIT {

    /** Each process Prometheus scrapes, by its name in services.env (the storefront's static server is not one). */
    private static final List<String> SCRAPED = List.of("gateway", "user-service", "inventory-service",
            "order-service", "payment-service", "payment-sandbox");

    /** Prometheus's own series for each target, in no scrape: the rules and dashboards may read it. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)",
            Pattern.MULTILINE);
    private static final Pattern UUID_IN_URI = Pattern.compile(
            "uri=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Map<String, URI> services = Map.of();

    @BeforeAll
    static void aCheckoutWentThrough() {
        services = serviceUrls();
        Account customer = Accounts.customer();
        Catalog.Product product = Catalog.product(3, "9.90");
        ApiClient orders = Gateway.client("order-service");
        ApiResponse placed = Orders.place(orders, customer, Orders.orderOf(product.id(), 1));
        assertThat(placed.status()).as("placing an order: %s", placed).isEqualTo(201);
        UUID order = UUID.fromString(placed.json().get("orderId").asString());
        ApiResponse paid = Payments.pay(Gateway.client("payment-service"), customer, order,
                Payments.tokenize(Payments.CARD_SUCCEEDS));
        assertThat(paid.status()).as("paying: %s", paid).isEqualTo(201);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Orders.statusOf(order).equals("confirmed"));
    }

    @Test
    void everyMetricsEndpointPassesPromtoolCheckMetrics() {
        Optional<Path> promtool = Promtool.find();
        assumeTrue(promtool.isPresent(), Promtool.MISSING);

        Map<String, Promtool.Result> results = new LinkedHashMap<>();
        for (String service : SCRAPED) {
            results.put(service, Promtool.run(promtool.orElseThrow(), List.of("check", "metrics"), scrape(service)));
        }

        assertThat(results).allSatisfy((service, result) -> {
            assertThat(result.output()).as("promtool check metrics on %s's /metrics", service).isBlank();
            assertThat(result.succeeded()).as("promtool's exit status for %s", service).isTrue();
        });
    }

    @Test
    void everyMetricADashboardOrARuleReadsIsInALiveScrape() {
        Map<String, Set<String>> scraped = new LinkedHashMap<>();
        Set<String> anywhere = new TreeSet<>();
        for (String service : SCRAPED) {
            scraped.put(service, names(scrape(service)));
            anywhere.addAll(scraped.get(service));
        }
        Set<String> recorded = new TreeSet<>(ObservabilityFiles.recordedNames());
        Map<String, String> expressions = new LinkedHashMap<>(ObservabilityFiles.ruleExpressions());
        List<Path> dashboards = ObservabilityFiles.dashboards();
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(SCRAPED.size() + 1);
        dashboards.forEach(board -> expressions.putAll(ObservabilityFiles.dashboardExpressions(board)));

        Map<String, Set<String>> missing = new LinkedHashMap<>();
        expressions.forEach((where, expression) -> {
            // a service's own dashboard must find its metrics in that service's scrape
            String file = where.substring(0, where.indexOf(':'));
            Set<String> available = scraped.getOrDefault(file.replace(".json", ""), anywhere);
            Set<String> absent = new TreeSet<>();
            for (String name : PromQl.metricNames(expression)) {
                boolean known = name.contains(":") ? recorded.contains(name)
                        : PROMETHEUS_OWN.contains(name) || available.contains(name);
                if (!known) {
                    absent.add(name);
                }
            }
            if (!absent.isEmpty()) {
                missing.put(where, absent);
            }
        });

        assertThat(expressions).hasSizeGreaterThan(50);
        assertThat(missing).as("metrics read by a dashboard or a rule but in no live scrape (or no recording rule)")
                .isEmpty();
    }

    /**
     * Prometheus negotiates OpenMetrics, where an exemplar (a trace id) may follow a counter or a histogram bucket.
     * Prometheus before 2.43, Debian's included, drops the whole scrape when one follows any other line (a
     * timer's {@code _count}).
     */
    @Test
    void exemplarsFollowOnlyCountersAndBucketsForTheScrapersWeRun() {
        Pattern misplaced = Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*_(count|sum|max)(\\{[^}]*})? \\S+ # \\{",
                Pattern.MULTILINE);

        for (String service : SCRAPED) {
            ApiResponse open = ApiClient.unchecked(services.get(service)).get("/metrics")
                    .header("Accept", "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;q=0.5").send();
            assertThat(open.status()).isEqualTo(200);
            assertThat(open.header("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/openmetrics-text"));
            Matcher found = misplaced.matcher(open.body());
            String refused = found.find() ? found.group() : "";
            assertThat(refused).as("an exemplar Prometheus 2.42 refuses, in %s's scrape", service).isEmpty();
        }
    }

    @Test
    void theCheckoutWasCountedWhereItsChangesCommitted() {
        String orders = scrape("order-service");
        String payments = scrape("payment-service");

        assertThat(value(orders, "emporium_orders_placed_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(value(orders, "emporium_orders_confirmed_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(orders).contains("emporium_orders_cancelled_total{reason=\"payment-expired\"");
        assertThat(value(payments, "emporium_payments_succeeded_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(payments).contains("emporium_payments_failed_total{reason=\"card-declined\"")
                .contains("emporium_payments_refunded_total{reason=\"order-cancelled\"");
        assertThat(value(orders, "emporium_events_relay_published_total")).isGreaterThanOrEqualTo(2.0);
        assertThat(orders).contains("emporium_events_outbox_oldest_age_seconds{");
        assertThat(scrape("inventory-service")).contains("emporium_inventory_reservations_expired_total{")
                .contains("emporium_events_dead_letters{");
        assertThat(scrape("gateway")).containsPattern(
                "emporium_gateway_ratelimit_requests_total"
                        + "\\{consumer=\"subject\",outcome=\"allowed\",route=\"orders\"[^}]*} [1-9]");
    }

    @Test
    void requestsAreCountedUnderTheirRouteTemplateNeverTheRawPath() {
        String gateway = scrape("gateway");
        String orders = scrape("order-service");

        assertThat(gateway).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/orders/\\*\\*\"")
                .containsPattern(
                        "http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/payments/\\*\\*\"[^}]*le=\"0.5\"");
        assertThat(orders).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/api/orders\"");
        for (String service : SCRAPED) {
            assertThat(UUID_IN_URI.matcher(scrape(service)).find()).as("an id in a uri label of %s", service)
                    .isFalse();
        }
    }

    @Test
    void theGatewayServesItsMetricsToTheScraperOnly() {
        ApiClient client = Gateway.client();

        ApiResponse fromAClient = client.get("/metrics").send();
        ApiResponse forwarded = ApiClient.unchecked(services.get("gateway")).get("/metrics")
                .header("X-Forwarded-For", "203.0.113.7").send();

        assertProblem(fromAClient, 404, "not-found");
        assertThat(fromAClient.body()).doesNotContain("jvm_");
        assertProblem(forwarded, 404, "not-found");
        assertThat(ApiClient.unchecked(services.get("gateway")).get("/metrics").send().status()).isEqualTo(200);
    }

    private static String scrape(String service) {
        ApiResponse response = ApiClient.unchecked(services.get(service)).get("/metrics").send();
        assertThat(response.status()).as("GET /metrics on %s", service).isEqualTo(200);
        return response.body();
    }

    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(exposition);
        while (sample.find()) {
            names.add(sample.group(1));
        }
        return names;
    }

    /** The sum of a metric's samples in a scrape. */
    private static double value(String exposition, String name) {
        double total = 0;
        boolean found = false;
        Matcher sample = SAMPLE.matcher(exposition);
        while (sample.find()) {
            if (sample.group(1).equals(name)) {
                total += Double.parseDouble(sample.group(3));
                found = true;
            }
        }
        assertThat(found).as("%s in the scrape", name).isTrue();
        return total;
    }

    private static Map<String, URI> serviceUrls() {
        Path file = Platform.current().folder().resolve("services.env");
        Map<String, URI> urls = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0 && line.substring(0, equals).endsWith("_URL")
                        && !line.substring(0, equals).endsWith("_DATABASE_URL")) {
                    String service = line.substring(0, equals - "_URL".length()).toLowerCase().replace('_', '-');
                    urls.put(service, URI.create(line.substring(equals + 1).strip()));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        assertThat(urls).containsKeys(SCRAPED.toArray(String[]::new));
        return urls;
    }
}
