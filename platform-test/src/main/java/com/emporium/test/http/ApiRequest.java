package com.emporium.test.http;

import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.contract.Interaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One request being built; {@link #send()} sends it. Each method adds to the request and returns it, so a
 * call reads {@code api.post("/api/auth/login").json(credentials).send()}.
 *
 * <p>The JDK client refuses a few headers ({@code Host}, {@code Connection}, {@code Content-Length},
 * {@code Expect}, {@code Upgrade}); it sets them itself.
 */
public final class ApiRequest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String method;
    private final @Nullable ContractRecorder contract;
    private URI uri;
    private final List<Header> headers = new ArrayList<>();
    private final List<String> cookies = new ArrayList<>();
    private byte[] body = new byte[0];
    private @Nullable String contentType;
    private Duration timeout = TIMEOUT;

    ApiRequest(HttpClient http, String method, URI uri, @Nullable ContractRecorder contract) {
        this.http = http;
        this.method = method;
        this.uri = uri;
        this.contract = contract;
    }

    /** Adds a header; calling it twice with one name sends both values. */
    public ApiRequest header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** {@code Authorization: Bearer <token>}. */
    public ApiRequest bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** {@code Authorization: Basic ...} for this user and password (UTF-8). */
    public ApiRequest basic(String user, String password) {
        String pair = user + ":" + password;
        return header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds a cookie to the request's one {@code Cookie} header, sent as given. */
    public ApiRequest cookie(String name, String value) {
        cookies.add(name + "=" + value);
        return this;
    }

    /** {@code Accept: <mediaTypes>}. */
    public ApiRequest accept(String mediaTypes) {
        return header("Accept", mediaTypes);
    }

    /** Appends a query parameter, encoded. */
    public ApiRequest query(String name, Object value) {
        String pair = encode(name) + "=" + encode(String.valueOf(value));
        uri = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + pair);
        return this;
    }

    /**
     * A JSON body ({@code Content-Type: application/json}). A {@link String} is sent as it is, as JSON text;
     * anything else (a map, a record, a {@code JsonNode}) is written with Jackson.
     */
    public ApiRequest json(Object value) {
        String text = value instanceof String raw ? raw : Json.write(value);
        return body("application/json", text);
    }

    /** A form body ({@code application/x-www-form-urlencoded}), fields in the map's order. */
    public ApiRequest form(Map<String, String> fields) {
        String text = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return body("application/x-www-form-urlencoded", text);
    }

    /** A text body in UTF-8; a {@code null} content type sends no {@code Content-Type} header. */
    public ApiRequest body(@Nullable String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of these bytes; a {@code null} content type sends no {@code Content-Type} header. */
    public ApiRequest body(@Nullable String contentType, byte[] bytes) {
        this.contentType = contentType;
        this.body = bytes.clone();
        return this;
    }

    /** How long to wait for the response (30 seconds unless set). */
    public ApiRequest timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * Sends the request and, when the client has a contract, checks the exchange against it.
     *
     * @throws AssertionError when the response breaks the contract
     * @throws UncheckedIOException when the service cannot be reached
     */
    public ApiResponse send() {
        HttpRequest request = build();
        HttpResponse<byte[]> response = exchange(request);
        ApiResponse answer = new ApiResponse(method, request.uri(), response.statusCode(), response.headers(), response.body());
        if (contract != null) {
            contract.verify(new Interaction(method, request.uri(), request.headers(),
                    new String(body, StandardCharsets.UTF_8), answer.status(), answer.headers(), answer.body()));
        }
        return answer;
    }

    private HttpRequest build() {
        HttpRequest.BodyPublisher publisher = body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).method(method, publisher);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (!cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", cookies));
        }
        headers.forEach(header -> builder.header(header.name(), header.value()));
        return builder.build();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + request.uri(), e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record Header(String name, String value) {
    }
}
