package com.emporium.e2e.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Platform;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The storefront as the run command serves it: the page for every client-side route, its hashed assets cached for
 * good, the page itself never, a Content-Security-Policy that lets it reach only itself, the gateway and the card
 * processor, and a runtime configuration naming both. (The browser tests of the shop itself come with issue 8.)
 */
class StorefrontServedIT {

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]+src=\"(/assets/[^\"]+\\.js)\"");

    private final ApiClient page = ApiClient.unchecked(Platform.current().storefront());

    @Test
    void servesThePageForEveryRouteWithItsSecurityHeaders() {
        ApiResponse home = page.get("/").send();
        ApiResponse deepLink = page.get("/products/00000000-0000-0000-0000-000000000001").send();

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(home.body()).contains("<div id=\"root\"");
        assertThat(deepLink.status()).as("a client-side route gets the page").isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(home.body());
        assertThat(home.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-cache"));
        assertThat(home.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"));
        assertThat(home.header("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void cachesItsHashedScriptForGood() {
        ApiResponse home = page.get("/").send();
        Matcher script = SCRIPT.matcher(home.body());
        assertThat(script.find()).as("the page loads a script from /assets: %s", home.body()).isTrue();

        ApiResponse asset = page.get(script.group(1)).send();

        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
                .contains("max-age=31536000", "immutable"));
        assertThat(page.get("/assets/no-such-file.js").send().status()).isEqualTo(404);
    }

    @Test
    void namesTheGatewayAndTheCardProcessorInItsConfiguration() {
        ApiResponse config = page.get("/config.json").send();

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("gatewayUrl").asString()).endsWith(":" + Platform.current().gateway().getPort());
        assertThat(config.json().get("sandboxUrl").asString())
                .endsWith(":" + Platform.current().paymentSandbox().getPort());
        assertThat(page.get("/config.json").send().header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains(":" + Platform.current().gateway().getPort()));
    }
}
