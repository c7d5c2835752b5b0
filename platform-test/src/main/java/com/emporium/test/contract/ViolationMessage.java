package com.emporium.test.contract;

import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The text of the assertion errors a contract recorder throws: what broke, and what was exchanged. */
final class ViolationMessage {

    private static final int BODY_LIMIT = 2_000;

    private ViolationMessage() {
    }

    static String outsideContract(Path document, Interaction interaction) {
        return interaction.summary() + ": " + interaction.method() + " " + interaction.path()
                + " is not an operation of " + document.getFileName()
                + ". Document it, or send this request with ApiClient.unchecked(...) when it deliberately"
                + " leaves the contract (an unknown path, a method the path does not allow)."
                + exchange(interaction);
    }

    static String broken(
            Path document,
            ApiOperation operation,
            Interaction interaction,
            List<ValidationReport.Message> errors,
            List<ValidationReport.Message> requestNotes) {
        StringBuilder text = new StringBuilder()
                .append(interaction.summary())
                .append(" breaks ")
                .append(document.getFileName())
                .append(" (operation ")
                .append(operationName(operation))
                .append("):");
        errors.forEach(error -> text.append("\n  - ").append(describe(error)));
        if (!requestNotes.isEmpty()) {
            text.append("\nThe request itself departs from the contract (allowed, noted in case it explains the answer):");
            requestNotes.forEach(note -> text.append("\n  - ").append(describe(note)));
        }
        return text.append(exchange(interaction)).toString();
    }

    static String uncovered(Path document, Collection<DocumentedResponse> missing, int documented) {
        return missing.size() + " of the " + documented + " responses documented in " + document.getFileName()
                + " were never exercised by a conforming interaction:"
                + missing.stream().map(response -> "\n  - " + response).collect(Collectors.joining());
    }

    private static String operationName(ApiOperation operation) {
        String id = operation.getOperation().getOperationId();
        String route = operation.getMethod() + " " + operation.getApiPath().original();
        return id == null ? route : id + ", " + route;
    }

    private static String describe(ValidationReport.Message message) {
        String where = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .filter(pointer -> !pointer.isEmpty())
                .map(pointer -> " at " + pointer)
                .orElse("");
        return "[" + message.getKey() + "] " + message.getMessage() + where;
    }

    private static String exchange(Interaction interaction) {
        return "\nResponse headers: " + headers(interaction.responseHeaders())
                + "\nResponse body: " + shorten(interaction.responseBody())
                + "\nRequest body: " + shorten(interaction.requestBody());
    }

    private static String headers(HttpHeaders headers) {
        return headers.map().entrySet().stream()
                .filter(header -> !header.getKey().startsWith(":"))
                .map(ViolationMessage::header)
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String header(Map.Entry<String, List<String>> header) {
        return header.getKey() + ": " + String.join(" | ", header.getValue());
    }

    private static String shorten(String body) {
        if (body.isEmpty()) {
            return "(none)";
        }
        return body.length() <= BODY_LIMIT ? body : body.substring(0, BODY_LIMIT) + "... (" + body.length() + " chars)";
    }
}
