package com.emporium.test.contract;

import com.emporium.test.http.ApiClient;
import com.emporium.test.stub.Reply;
import com.emporium.test.stub.StubServer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** The test contract {@code contracts/sample-service.yaml} and conforming answers to each of its responses. */
final class SampleContract {

    static final String SERVICE = "sample-service";
    static final String WIDGET_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    static final String WIDGET_PATH = "/widgets/" + WIDGET_ID;

    private SampleContract() {
    }

    static Path path() {
        URL resource = Objects.requireNonNull(SampleContract.class.getResource("/contracts/sample-service.yaml"));
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String widgetJson() {
        return "{\"id\":\"" + WIDGET_ID + "\",\"name\":\"bolt\",\"size\":\"small\"}";
    }

    static String problemJson(int status) {
        return "{\"type\":\"urn:problem:sample:x\",\"title\":\"X\",\"status\":" + status + "}";
    }

    /** Exercises the responses of {@code GET} and {@code DELETE /widgets/{id}} and {@code GET /metrics}. */
    static void exerciseReads(StubServer service, ApiClient api) {
        service.on("GET", WIDGET_PATH, Reply.status(200).json(widgetJson()));
        api.get(WIDGET_PATH).send();
        service.on("GET", WIDGET_PATH, Reply.status(404).problem(problemJson(404)));
        api.get(WIDGET_PATH).send();
        service.on("DELETE", WIDGET_PATH, Reply.status(204));
        api.delete(WIDGET_PATH).send();
        service.on("DELETE", WIDGET_PATH, Reply.status(404).problem(problemJson(404)));
        api.delete(WIDGET_PATH).send();
        service.on("GET", "/metrics", Reply.status(200).body("text/plain; version=0.0.4", "up 1\n"));
        api.get("/metrics").send();
    }

    /** Exercises the responses of {@code POST /widgets} and {@code POST /session}. */
    static void exerciseWrites(StubServer service, ApiClient api) {
        service.on("POST", "/widgets", Reply.status(201).header("Location", WIDGET_PATH).json(widgetJson()));
        api.post("/widgets").json(Map.of("name", "bolt")).send();
        service.on("POST", "/widgets", Reply.status(400).problem(problemJson(400)));
        api.post("/widgets").json(Map.of("name", "")).send();
        service.on("POST", "/widgets", Reply.status(429).header("Retry-After", "7").problem(problemJson(429)));
        api.post("/widgets").json(Map.of("name", "bolt")).send();
        service.on("POST", "/session", Reply.status(200).header("Set-Cookie", "sid=s1; Path=/; HttpOnly"));
        api.post("/session").send();
        service.on("POST", "/session", Reply.status(401).header("WWW-Authenticate", "Bearer").problem(problemJson(401)));
        api.post("/session").send();
    }

    static void exerciseEverything(StubServer service, ApiClient api) {
        exerciseReads(service, api);
        exerciseWrites(service, api);
    }
}
