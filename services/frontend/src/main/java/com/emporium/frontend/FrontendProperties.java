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

    /** The gateway's origin for the Content-Security-Policy, with its loopback twin (see {@link #origins}). */
    String gatewayOrigins() {
        return origins(gatewayUrl);
    }

    String sandboxOrigins() {
        return origins(sandboxUrl);
    }

    /**
     * The origin, and for a loopback address also the same port under the other loopback name: the page talks to
     * the platform under the name it was opened with (localhost or 127.0.0.1), so the refresh cookie, which is
     * SameSite=Strict, stays same-site.
     */
    static String origins(URI url) {
        var host = url.getHost();
        var twin = switch (host) {
            case "localhost" -> "127.0.0.1";
            case "127.0.0.1" -> "localhost";
            default -> null;
        };
        var origin = origin(url, host);
        return twin == null ? origin : origin + " " + origin(url, twin);
    }

    /** The URL as given, without a trailing slash, so the page can append paths to it. */
    static String base(URI url) {
        var text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String origin(URI url, String host) {
        return url.getScheme() + "://" + host + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    private static void requireAbsolute(String name, URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("emporium.frontend." + name + " must be an absolute http(s) URL");
        }
    }
}
