package com.emporium.test.contract;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * One request and the response it got, as a contract recorder sees them.
 *
 * @param method the request method, upper case
 * @param uri the full request URI, query included
 * @param requestHeaders the headers sent
 * @param requestBody the body sent, decoded as UTF-8 (empty when there was none)
 * @param status the response status
 * @param responseHeaders the headers received
 * @param responseBody the body received, decoded with the charset of its content type (empty when there was none)
 */
public record Interaction(
        String method,
        URI uri,
        HttpHeaders requestHeaders,
        String requestBody,
        int status,
        HttpHeaders responseHeaders,
        String responseBody) {

    /** The path the contract's templates are matched against: the raw path, without the query. */
    public String path() {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** A short description for failure messages: {@code POST /api/auth/login -> 401}. */
    public String summary() {
        String query = uri.getRawQuery();
        return method + " " + path() + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
