package com.emporium.test.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A response as a test reads it: status, headers, body as text or JSON, and the cookies it sets. */
public final class ApiResponse {

    private static final int DESCRIPTION_BODY_LIMIT = 500;

    private final String method;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] bytes;
    private final String body;

    ApiResponse(String method, URI uri, int status, HttpHeaders headers, byte[] bytes) {
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.bytes = bytes.clone();
        this.body = new String(bytes, charsetOf(headers.firstValue("Content-Type").orElse("")));
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The first value of a header (names are case-insensitive). */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Every value of a header, in the order received. */
    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    /** The {@code Content-Type} header, as sent. */
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /** The body as text, decoded with the content type's charset (UTF-8 when it names none). */
    public String body() {
        return body;
    }

    public byte[] bodyBytes() {
        return bytes.clone();
    }

    /**
     * The body as a Jackson 3 tree.
     *
     * @throws AssertionError when the body is not JSON
     */
    public JsonNode json() {
        try {
            return Json.read(body);
        } catch (JacksonException e) {
            throw new AssertionError("Expected a JSON body from " + this, e);
        }
    }

    /**
     * The body read into a type (a record, say) with Jackson 3.
     *
     * @throws AssertionError when the body does not read as that type
     */
    public <T> T as(Class<T> type) {
        try {
            return Json.read(body, type);
        } catch (JacksonException e) {
            throw new AssertionError("Expected a " + type.getSimpleName() + " body from " + this, e);
        }
    }

    /** Every cookie the response sets, one per {@code Set-Cookie} header. */
    public List<SetCookie> cookies() {
        return headers("Set-Cookie").stream().map(SetCookie::parse).toList();
    }

    /** The cookie of this name the response sets, if it sets one (the last, if it sets several). */
    public Optional<SetCookie> cookie(String name) {
        return cookies().stream().filter(cookie -> cookie.name().equals(name)).reduce((first, second) -> second);
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** {@code POST /api/auth/login -> 401 application/problem+json {"type":...}}, for assertion messages. */
    @Override
    public String toString() {
        String shown = body.length() <= DESCRIPTION_BODY_LIMIT ? body : body.substring(0, DESCRIPTION_BODY_LIMIT) + "...";
        return method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " -> " + status + contentType().map(type -> " " + type).orElse("")
                + (shown.isEmpty() ? "" : " " + shown);
    }

    private static Charset charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
