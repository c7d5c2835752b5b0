package com.emporium.test.stub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the stub server answers: a status, headers and a body. */
public final class Reply {

    private final int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    private Reply(int status) {
        this.status = status;
    }

    public static Reply status(int status) {
        return new Reply(status);
    }

    public Reply header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    public Reply body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public Reply body(String contentType, byte[] bytes) {
        body = bytes.clone();
        return header("Content-Type", contentType);
    }

    public Reply json(String text) {
        return body("application/json", text);
    }

    public Reply problem(String text) {
        return body("application/problem+json", text);
    }

    int status() {
        return status;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    byte[] bodyBytes() {
        return body.clone();
    }
}
