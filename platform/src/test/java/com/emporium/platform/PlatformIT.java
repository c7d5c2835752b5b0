package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What every service gets from the platform, on a real server: errors, limits, security, shutdown. */
class PlatformIT {

    private static ConfigurableApplicationContext probe;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        probe = new SpringApplicationBuilder(ProbeApplication.class).run(ProbeApplication.ARGUMENTS);
        base = URI.create("http://127.0.0.1:" + portOf(probe));
    }

    private static int portOf(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (probe != null) {
            probe.close();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /** A body of unknown length, sent in chunks with no Content-Length. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    @Test
    void hidesTheCauseOfAnUnexpectedError() throws Exception {
        HttpResponse<String> response = send(at("/api/probe/boom"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:problem:emporium:internal")
                .doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at com.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection", "resource", "timeout", "transient", "transaction"})
    void answersServiceUnavailableWhileTheDatabaseIsOutOfReach(String kind) throws Exception {
        HttpResponse<String> response = send(at("/api/probe/outage/" + kind));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("retry-after")).hasValue("5");
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:problem:emporium:service-unavailable")
                .contains("briefly unavailable")
                .doesNotContain("hunter2").doesNotContain("JDBC").doesNotContain("Exception");
    }

    @Test
    void keepsADataErrorThatWaitingWillNotCureAnUnexpectedError() throws Exception {
        HttpResponse<String> response = send(at("/api/probe/outage/integrity"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("retry-after")).isEmpty();
        assertThat(response.body()).contains("urn:problem:emporium:internal").doesNotContain("duplicate key");
    }

    @Test
    void namesEachInvalidField() throws Exception {
        HttpResponse<String> response = send(at("/api/probe/things").header("content-type", "application/json")
                .POST(json("{\"name\":\"\",\"quantity\":0}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("urn:problem:emporium:validation")
                .contains("\"field\":\"name\"").contains("\"field\":\"quantity\"");
    }

    @Test
    void refusesTextWhereANumberBelongsAndANumberWhereTextBelongs() throws Exception {
        HttpResponse<String> textForNumber = send(at("/api/probe/things").header("content-type", "application/json")
                .POST(json("{\"name\":\"bolt\",\"quantity\":\"7\"}")));
        HttpResponse<String> numberForText = send(at("/api/probe/things").header("content-type", "application/json")
                .POST(json("{\"name\":42,\"quantity\":7}")));

        assertThat(textForNumber.statusCode()).isEqualTo(400);
        assertThat(textForNumber.body()).contains("urn:problem:emporium:malformed-body").contains("quantity");
        assertThat(numberForText.statusCode()).isEqualTo(400);
        assertThat(numberForText.body()).contains("name");
    }

    @Test
    void refusesABodyOverTheLimitEvenWithoutALength() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(4096) + "\",\"quantity\":1}";
        HttpResponse<String> withLength = send(at("/api/probe/things").header("content-type", "application/json")
                .POST(json(big)));
        HttpResponse<String> chunked = send(at("/api/probe/things").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))));

        assertThat(withLength.statusCode()).isEqualTo(413);
        assertThat(withLength.body()).contains("urn:problem:emporium:payload-too-large");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("urn:problem:emporium:payload-too-large");
    }

    /** Tomcat reads a form itself, past the filter that limits the body: it must apply the same limit. */
    @Test
    void refusesAChunkedFormOverTheLimit() throws Exception {
        byte[] form = ("name=" + "x".repeat(1024 * 1024)).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = send(at("/api/probe/form")
                .header("content-type", "application/x-www-form-urlencoded").POST(chunked(form)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:problem:emporium:payload-too-large").doesNotContain("xxxx");
    }

    @Test
    void readsAChunkedFormUnderTheLimit() throws Exception {
        byte[] form = "name=bolt".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = send(at("/api/probe/form")
                .header("content-type", "application/x-www-form-urlencoded").POST(chunked(form)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("bolt");
    }

    @Test
    void answersBadRequestToAFormTomcatCannotDecode() throws Exception {
        HttpResponse<String> response = send(at("/api/probe/form")
                .header("content-type", "application/x-www-form-urlencoded").POST(json("name=%zz")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("urn:problem:emporium:bad-request");
    }

    @Test
    void refusesAChunkedBodyReadThroughTheReaderOverTheLimit() throws Exception {
        byte[] text = "x".repeat(4096).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = send(at("/api/probe/text")
                .header("content-type", "text/plain").POST(chunked(text)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:problem:emporium:payload-too-large");
    }

    @Test
    void answersUnsupportedMediaTypeAndUnknownPaths() throws Exception {
        HttpResponse<String> form = send(at("/api/probe/things").header("content-type", "text/plain")
                .POST(json("name=bolt")));
        HttpResponse<String> unknown = send(at("/api/probe/nothing"));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).contains("urn:problem:emporium:unsupported-media-type");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:problem:emporium:not-found");
    }

    @Test
    void refusesAPrivateRouteWithoutAValidToken() throws Exception {
        HttpResponse<String> none = send(at("/api/private"));
        HttpResponse<String> garbage = send(at("/api/private").header("authorization", "Bearer not.a.jwt"));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(none.body()).contains("urn:problem:emporium:unauthorized");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(garbage.headers().firstValue("www-authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void believesNoForwardedForHeaderByDefault() throws Exception {
        HttpResponse<String> response = send(at("/api/probe/address").header("x-forwarded-for", "203.0.113.9"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("127.0.0.1");
    }

    /** {@code TRUSTED_PROXIES} set as the run command sets it; any property source will do for the test. */
    @Test
    void believesTheForwardedForHeaderOfATrustedProxy() throws Exception {
        try (ConfigurableApplicationContext behindProxy = new SpringApplicationBuilder(ProbeApplication.class)
                .run(ProbeApplication.arguments("--TRUSTED_PROXIES=127\\.0\\.0\\.1"))) {
            URI proxied = URI.create("http://127.0.0.1:" + portOf(behindProxy));

            HttpResponse<String> response = send(HttpRequest.newBuilder(proxied.resolve("/api/probe/address"))
                    .header("x-forwarded-for", "203.0.113.9"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("203.0.113.9");
        }
    }

    /** A browser still holding an expired or garbled token must be able to log in or refresh. */
    @Test
    void ignoresABearerTokenOnAPublicPath() throws Exception {
        HttpResponse<String> response = send(at("/api/probe/address").header("authorization", "Bearer not.a.jwt"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void keepsAdminAndServiceRoutesClosedUnderAnOverlappingPublicPath() throws Exception {
        HttpResponse<String> admin = send(at("/api/probe/admin/report"));
        HttpResponse<String> internal = send(at("/internal/probe"));

        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.body()).contains("urn:problem:emporium:unauthorized").doesNotContain("report");
        assertThat(internal.statusCode()).isEqualTo(401);
    }

    @Test
    void servesHealthAndMetricsWithoutAToken() throws Exception {
        assertThat(send(at("/health/live")).statusCode()).isEqualTo(200);
        assertThat(send(at("/health/ready")).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = send(at("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("service=\"probe\"");
    }

    /** What a SIGTERM does: the JVM's shutdown hook closes the context, exactly as here. */
    @Test
    void finishesAnInFlightRequestWhenShutDown() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ProbeApplication.class)
                .run(ProbeApplication.ARGUMENTS);
        URI appBase = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
        ProbeApplication.ProbeController.entered = new CountDownLatch(1);
        ProbeApplication.ProbeController.release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(appBase.resolve("/api/probe/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ProbeApplication.ProbeController.entered.await(10, TimeUnit.SECONDS)).isTrue();

        Thread shutdown = Thread.ofPlatform().start(app::close);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatExceptionOfType(ConnectException.class)
                .isThrownBy(() -> HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(appBase.resolve("/health/live")).build(),
                        HttpResponse.BodyHandlers.ofString())));
        assertThat(inFlight).isNotDone();
        ProbeApplication.ProbeController.release.countDown();

        HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("done");
        shutdown.join(Duration.ofSeconds(10));
        assertThat(app.isActive()).isFalse();
    }
}
