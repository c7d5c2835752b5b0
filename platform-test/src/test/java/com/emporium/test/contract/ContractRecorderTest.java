package com.emporium.test.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import com.emporium.test.stub.Reply;
import com.emporium.test.stub.StubServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractRecorderTest {

    private final StubServer service = StubServer.start();
    private final ContractRecorder contract = ContractRecorder.forDocument(SampleContract.path());
    private final ApiClient api = new ApiClient(service.base(), contract);

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void passesADocumentedResponseAndRecordsIt() {
        service.on("GET", SampleContract.WIDGET_PATH, Reply.status(200).json(SampleContract.widgetJson()));

        ApiResponse response = api.get(SampleContract.WIDGET_PATH).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(contract.exercisedResponses())
                .containsExactly(new DocumentedResponse("GET", "/widgets/{id}", "200"));
    }

    @Test
    void failsAStatusTheOperationDoesNotDocument() {
        service.on("POST", "/widgets", Reply.status(500).problem("{\"type\":\"urn:x\",\"status\":500}"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.post("/widgets").json(Map.of("name", "bolt")).send())
                .withMessageContaining("POST /widgets -> 500 breaks sample-service.yaml (operation createWidget")
                .withMessageContaining("validation.response.status.unknown");
        assertThat(contract.exercisedResponses()).isEmpty();
    }

    @Test
    void failsABodyThatBreaksTheSchema() {
        String body = "{\"id\":\"" + SampleContract.WIDGET_ID + "\",\"name\":\"bolt\",\"size\":\"LARGE\",\"colour\":\"red\"}";
        service.on("GET", SampleContract.WIDGET_PATH, Reply.status(200).json(body));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.get(SampleContract.WIDGET_PATH).send())
                .withMessageContaining("validation.response.body.schema.enum")
                .withMessageContaining("validation.response.body.schema.additionalProperties")
                .withMessageContaining("colour");
    }

    @Test
    void failsAResponseWithoutARequiredHeader() {
        service.on("POST", "/widgets", Reply.status(201).json(SampleContract.widgetJson()));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.post("/widgets").json(Map.of("name", "bolt")).send())
                .withMessageContaining("validation.response.header.missing")
                .withMessageContaining("Location");
    }

    @Test
    void failsAHeaderThatBreaksItsSchema() {
        service.on("POST", "/widgets", Reply.status(429)
                .header("Retry-After", "soon")
                .problem("{\"type\":\"urn:x\",\"status\":429}"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.post("/widgets").json(Map.of("name", "bolt")).send())
                .withMessageContaining("validation.response.header.schema.type");
    }

    @Test
    void failsAContentTypeTheResponseDoesNotDocument() {
        service.on("GET", SampleContract.WIDGET_PATH, Reply.status(404).json("{\"type\":\"urn:x\",\"status\":404}"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.get(SampleContract.WIDGET_PATH).send())
                .withMessageContaining("validation.response.contentType.notAllowed");
    }

    @Test
    void failsARequestThatReachesNoOperationUnlessSentUnchecked() {
        service.on("GET", "/nowhere", Reply.status(404).problem("{\"type\":\"urn:x\",\"status\":404}"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.get("/nowhere").send())
                .withMessageContaining("GET /nowhere is not an operation of sample-service.yaml");
        assertThat(api.unchecked().get("/nowhere").send().status()).isEqualTo(404);
    }

    @Test
    void failsAMethodThePathDoesNotDocument() {
        service.on("PUT", SampleContract.WIDGET_PATH, Reply.status(405).problem("{\"type\":\"urn:x\",\"status\":405}"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.put(SampleContract.WIDGET_PATH).send())
                .withMessageContaining("is not an operation");
    }

    @Test
    void passesADocumentedAnswerToAnInvalidRequest() {
        service.on("POST", "/widgets", Reply.status(400).problem("{\"type\":\"urn:x\",\"status\":400}"));

        ApiResponse response = api.post("/widgets").body("application/json", "{\"name\":42,").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(contract.exercisedResponses()).containsExactly(new DocumentedResponse("POST", "/widgets", "400"));
    }

    @Test
    void namesTheRequestsOwnFindingsBesideABrokenResponse() {
        service.on("POST", "/widgets", Reply.status(400).problem("{\"status\":\"bad\"}"));

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.post("/widgets").json(Map.of("name", "")).send())
                .withMessageContaining("validation.response.body.schema.required")
                .withMessageContaining("The request itself departs from the contract")
                .withMessageContaining("validation.request.body.schema.minLength");
    }

    @Test
    void checksASetCookieHeaderAgainstItsPattern() {
        service.on("POST", "/session", Reply.status(200).header("Set-Cookie", "sid=abc; Path=/; HttpOnly; SameSite=Strict"));
        assertThatNoException().isThrownBy(() -> api.post("/session").send());

        service.on("POST", "/session", Reply.status(200).header("Set-Cookie", "sid=abc; Path=/"));
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> api.post("/session").send())
                .withMessageContaining("validation.response.header.schema.pattern");
    }

    @Test
    void acceptsATextBodyWithoutReadingIt() {
        service.on("GET", "/metrics", Reply.status(200).body("text/plain; version=0.0.4; charset=utf-8", "# HELP up\nup 1\n"));

        ApiResponse response = api.get("/metrics").send();

        assertThat(response.body()).contains("up 1");
        assertThat(contract.exercisedResponses()).containsExactly(new DocumentedResponse("GET", "/metrics", "200"));
    }

    @Test
    void countsAStatusForTheRangeThatDocumentsIt() {
        service.on("DELETE", SampleContract.WIDGET_PATH, Reply.status(409).problem("{\"type\":\"urn:x\",\"status\":409}"));

        api.delete(SampleContract.WIDGET_PATH).send();

        assertThat(contract.exercisedResponses())
                .containsExactly(new DocumentedResponse("DELETE", "/widgets/{id}", "4XX"));
    }

    @Test
    void reportsEveryDocumentedResponseNotExercised() {
        service.on("GET", SampleContract.WIDGET_PATH, Reply.status(200).json(SampleContract.widgetJson()))
                .on("DELETE", SampleContract.WIDGET_PATH, Reply.status(204))
                .on("GET", "/metrics", Reply.status(200).body("text/plain", "up 1\n"));
        api.get(SampleContract.WIDGET_PATH).send();
        api.delete(SampleContract.WIDGET_PATH).send();
        api.get("/metrics").send();

        assertThat(contract.unexercisedResponses()).extracting(DocumentedResponse::toString).containsExactly(
                "POST /session 200",
                "POST /session 401",
                "POST /widgets 201",
                "POST /widgets 400",
                "POST /widgets 429",
                "DELETE /widgets/{id} 4XX",
                "GET /widgets/{id} 404");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(contract::assertEveryDocumentedResponseExercised)
                .withMessageStartingWith("7 of the 10 responses documented in sample-service.yaml were never exercised")
                .withMessageContaining("\n  - GET /widgets/{id} 404")
                .withMessageNotContaining("default");
    }

    @Test
    void passesCoverageOnceEveryDocumentedResponseIsExercised() {
        SampleContract.exerciseEverything(service, api);

        assertThat(contract.unexercisedResponses()).isEmpty();
        assertThatNoException().isThrownBy(contract::assertEveryDocumentedResponseExercised);
    }

    @Test
    void sharesOneRecorderPerServiceFoundAboveTheWorkingDirectory() {
        ContractRecorder first = ContractRecorder.shared("user-service");

        ContractRecorder second = ContractRecorder.shared("user-service");

        assertThat(second).isSameAs(first);
        assertThat(first.document()).endsWith(Path.of("contracts", "user-service.yaml"));
    }

    @Test
    void refusesADocumentThatDoesNotParse(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.3\npaths:\n  /x:\n    get: {}\n");

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> ContractRecorder.forDocument(broken))
                .withMessageContaining("does not parse");
    }
}
