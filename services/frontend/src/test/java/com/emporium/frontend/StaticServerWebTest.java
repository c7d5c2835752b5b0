package com.emporium.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The server against the app the Maven build copied into target/classes/static. */
@SpringBootTest(properties = {
        "emporium.frontend.gateway-url=http://127.0.0.1:8000",
        "emporium.frontend.sandbox-url=http://127.0.0.1:8090/"})
@AutoConfigureMockMvc
class StaticServerWebTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void answersIndexHtmlForAnAppRouteWithoutCaching() {
        var result = mvc.get().uri("/products/42").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("<div id=\"root\">");
        assertThat(result).headers().hasValue("Cache-Control", "no-cache");
    }

    @Test
    void forwardsTheRootToIndexHtml() {
        var result = mvc.get().uri("/").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).hasForwardedUrl("index.html");
    }

    @Test
    void cachesHashedAssetsForAYear() throws Exception {
        var asset = AppRoute.firstScript(mvc.get().uri("/cart").exchange().getResponse().getContentAsString());

        var result = mvc.get().uri(asset).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).headers()
                .hasValue("Cache-Control", "max-age=31536000, public, immutable");
    }

    @Test
    void answersNotFoundForAMissingAsset() {
        assertThat(mvc.get().uri("/assets/missing-abc123.js").exchange()).hasStatus(404);
    }

    @Test
    void answersNotFoundForAnUnknownHealthPath() {
        assertThat(mvc.get().uri("/health/nothing").exchange()).hasStatus(404);
    }

    @Test
    void servesTheConfigurationFromTheEnvironment() {
        var result = mvc.get().uri("/config.json").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.gatewayUrl").isEqualTo("http://127.0.0.1:8000");
        assertThat(result).bodyJson().extractingPath("$.sandboxUrl").isEqualTo("http://127.0.0.1:8090");
        assertThat(result).headers().hasValue("Cache-Control", "no-cache");
    }

    @Test
    void sendsSecurityHeadersWithEveryAnswer() {
        var result = mvc.get().uri("/").exchange();

        assertThat(result).headers()
                .hasValue("X-Content-Type-Options", "nosniff")
                .hasValue("Referrer-Policy", "no-referrer")
                .hasValue("X-Frame-Options", "DENY");
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("connect-src 'self' http://127.0.0.1:8000 http://localhost:8000 "
                        + "http://127.0.0.1:8090 http://localhost:8090")
                .contains("img-src 'self' http://127.0.0.1:8000 http://localhost:8000")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void reportsLivenessAndReadiness() {
        assertThat(mvc.get().uri("/health/live").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/health/ready").exchange()).hasStatusOk();
    }

    /** Finds the entry script index.html references. */
    static final class AppRoute {

        static String firstScript(String html) {
            var start = html.indexOf("/assets/");
            var end = html.indexOf('"', start);
            return html.substring(start, end);
        }
    }
}
