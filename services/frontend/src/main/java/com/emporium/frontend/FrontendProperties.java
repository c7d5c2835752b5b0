package com.emporium.frontend;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the browser finds the platform: the gateway for every API call and the payment sandbox for card tokens.
 * Both go to the page in /config.json and into the Content-Security-Policy.
 */
@ConfigurationProperties("emporium.frontend")
record FrontendProperties(URI gatewayUrl, URI sandboxUrl) {

    FrontendProperties {
        requireAbsolute("gateway-url", gatewayUrl);
        requireAbsolute("sandbox-url", sandboxUrl);
    }

    String gatewayOrigin() {
        return origin(gatewayUrl);
    }

    String sandboxOrigin() {
        return origin(sandboxUrl);
    }

    /** The URL as given, without a trailing slash, so the page can append paths to it. */
    static String base(URI url) {
        var text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    private static void requireAbsolute(String name, URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("emporium.frontend." + name + " must be an absolute http(s) URL");
        }
    }
}
