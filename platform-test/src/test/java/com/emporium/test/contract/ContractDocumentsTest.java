package com.emporium.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every OpenAPI document in the repository's {@code contracts/} parses and follows ARCHITECTURE.md's conventions. */
class ContractDocumentsTest {

    private static final Pattern CAMEL_CASE = Pattern.compile("^[a-z][a-zA-Z0-9]*$");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("urn:problem:[a-z]+:[a-z-]+");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String HEALTH_REF = "#/components/schemas/Health";

    static Stream<Path> documents() throws IOException {
        Path contracts = ContractLocator.locate("user-service", Path.of("")).getParent();
        try (Stream<Path> files = Files.list(contracts)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(ContractDocumentsTest::isOpenApi)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void parsesWithoutAnyMessage(Path document) {
        assertThat(ContractRecorder.problemsOf(document)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void namesEveryOperationOnceInCamelCase(Path document) {
        List<String> ids = new ArrayList<>();
        eachOperation(api(document), (route, operation) -> ids.add(Objects.toString(operation.getOperationId(), route)));

        assertThat(ids).allMatch(id -> CAMEL_CASE.matcher(id).matches()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void answersEveryErrorWithAProblem(Path document) {
        OpenAPI api = api(document);
        List<String> offenders = new ArrayList<>();
        eachResponse(api, (where, response) -> {
            if (where.matches(".* [45]\\d\\d$") && !isProblem(response) && !isHealth(response)) {
                offenders.add(where);
            }
        });

        assertThat(offenders).as("error responses that are not only application/problem+json with the Problem schema").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void challengesEvery401AndTimesEvery429(Path document) {
        OpenAPI api = api(document);
        List<String> offenders = new ArrayList<>();
        eachResponse(api, (where, response) -> {
            if (where.endsWith(" 401") && !hasRequiredHeader(api, response, "WWW-Authenticate")) {
                offenders.add(where + " without WWW-Authenticate");
            }
            if (where.endsWith(" 429") && !hasRequiredHeader(api, response, "Retry-After")) {
                offenders.add(where + " without Retry-After");
            }
        });

        assertThat(offenders).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void listsTheSameProblemTypesInItsDescriptionAndItsProblemSchema(Path document) {
        OpenAPI api = api(document);
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        Schema<?> type = problem.getProperties().get("type");
        TreeSet<String> described = new TreeSet<>();
        Matcher matcher = PROBLEM_TYPE.matcher(api.getInfo().getDescription());
        while (matcher.find()) {
            described.add(matcher.group());
        }

        assertThat(described).isNotEmpty();
        assertThat(new TreeSet<>(type.getEnum().stream().map(Object::toString).toList())).isEqualTo(described);
    }

    private static boolean isOpenApi(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.anyMatch(line -> line.startsWith("openapi:"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenAPI api(Path document) {
        return ContractDocument.load(document).api();
    }

    private static void eachOperation(OpenAPI api, BiConsumer<String, Operation> action) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> action.accept(method + " " + path, operation)));
    }

    private static void eachResponse(OpenAPI api, BiConsumer<String, ApiResponse> action) {
        eachOperation(api, (route, operation) -> operation.getResponses()
                .forEach((status, response) -> action.accept(route + " " + status, resolve(api, response))));
    }

    private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        return response.get$ref() == null ? response : api.getComponents().getResponses().get(name(response.get$ref()));
    }

    private static boolean isProblem(ApiResponse response) {
        Map<String, MediaType> content = response.getContent();
        return content != null && content.size() == 1
                && content.containsKey("application/problem+json")
                && PROBLEM_REF.equals(content.get("application/problem+json").getSchema().get$ref());
    }

    /** A health probe answers 503 with the actuator's health body, which says what is down. */
    private static boolean isHealth(ApiResponse response) {
        return response.getContent() != null && response.getContent().values().stream()
                .allMatch(media -> HEALTH_REF.equals(media.getSchema().get$ref()));
    }

    private static boolean hasRequiredHeader(OpenAPI api, ApiResponse response, String name) {
        Header header = response.getHeaders() == null ? null : response.getHeaders().get(name);
        if (header != null && header.get$ref() != null) {
            header = api.getComponents().getHeaders().get(name(header.get$ref()));
        }
        return header != null && Boolean.TRUE.equals(header.getRequired());
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
