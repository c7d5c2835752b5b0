package com.emporium.test.contract;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an {@link Interaction} by hand: a request and the answer a service might give to it. */
final class Answers {

    private final String method;
    private final String path;
    private final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    private final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    private int status = 200;
    private String body = "";

    private Answers(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static Answers to(String method, String path) {
        return new Answers(method, path);
    }

    Answers status(int status) {
        this.status = status;
        return this;
    }

    Answers requestHeader(String name, String value) {
        requestHeaders.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    Answers header(String name, String value) {
        responseHeaders.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    Answers body(String contentType, String text) {
        this.body = text;
        return header("Content-Type", contentType);
    }

    Answers json(String text) {
        return body("application/json", text);
    }

    Answers problem(String text) {
        return body("application/problem+json", text);
    }

    Interaction interaction() {
        return new Interaction(method, URI.create("http://127.0.0.1:3001" + path), headers(requestHeaders), "",
                status, headers(responseHeaders), body);
    }

    private static HttpHeaders headers(Map<String, List<String>> headers) {
        return HttpHeaders.of(headers, (name, value) -> true);
    }
}
