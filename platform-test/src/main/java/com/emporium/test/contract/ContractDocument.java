package com.emporium.test.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * One parsed OpenAPI document: which operation a request reaches, which responses are documented, and whether
 * an interaction conforms.
 */
final class ContractDocument {

    private static final String DEFAULT_RESPONSE = "default";

    private final Path source;
    private final OpenAPI api;
    private final ApiOperationResolver resolver;
    private final OpenApiInteractionValidator validator;
    private final SortedSet<DocumentedResponse> documented;

    private ContractDocument(Path source, OpenAPI api, OpenApiInteractionValidator validator) {
        this.source = source;
        this.api = api;
        this.resolver = new ApiOperationResolver(api, null, false);
        this.validator = validator;
        this.documented = Collections.unmodifiableSortedSet(collectDocumentedResponses(api));
    }

    /** Loads a document; any message of the parser (an error or a warning) makes it unusable. */
    static ContractDocument load(Path file) {
        SwaggerParseResult parsed = parse(file);
        List<String> problems = messages(parsed);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The contract " + file + " does not parse: " + problems);
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(location(file))
                .withLevelResolver(LevelResolver.create()
                        // Tests send invalid requests on purpose: the request's own findings are kept for the
                        // failure message only, and every response finding stays an error.
                        .withLevel("validation.request", ValidationReport.Level.INFO)
                        // The validator would otherwise close every object schema that does not say
                        // additionalProperties; the document decides, as JSON Schema does (a problem's
                        // extension members stay allowed, a profile's unknown fields do not).
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        return new ContractDocument(file, parsed.getOpenAPI(), validator);
    }

    /** What the OpenAPI parser says about a document; empty when it is sound. */
    static List<String> parseMessages(Path file) {
        return messages(parse(file));
    }

    private static SwaggerParseResult parse(Path file) {
        return new OpenAPIV3Parser().readLocation(location(file), null, parseOptions());
    }

    private static List<String> messages(SwaggerParseResult parsed) {
        List<String> messages = parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
        return parsed.getOpenAPI() == null && messages.isEmpty() ? List.of("no OpenAPI document") : messages;
    }

    private static String location(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }

    private static ParseOptions parseOptions() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }

    Path source() {
        return source;
    }

    OpenAPI api() {
        return api;
    }

    /** The operation a request reaches, or empty when the contract has no such path or method. */
    Optional<ApiOperation> operation(String method, String path) {
        Optional<Request.Method> known = method(method);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        ApiOperationMatch match = resolver.findApiOperation(path, known.get());
        return match.isPathFound() && match.isOperationAllowed()
                ? Optional.of(match.getApiOperation())
                : Optional.empty();
    }

    /** The documented response an answer with this status counts for; empty when only "default" covers it. */
    static Optional<DocumentedResponse> documentedResponse(ApiOperation operation, int status) {
        Set<String> keys = operation.getOperation().getResponses().keySet();
        String method = operation.getMethod().name();
        String path = operation.getApiPath().original();
        String exact = Integer.toString(status);
        String range = (status / 100) + "XX";
        if (keys.contains(exact)) {
            return Optional.of(new DocumentedResponse(method, path, exact));
        }
        return keys.stream()
                .filter(range::equalsIgnoreCase)
                .findFirst()
                .map(key -> new DocumentedResponse(method, path, key));
    }

    /** Every documented response except the "default" ones, in path, method and status order. */
    SortedSet<DocumentedResponse> documentedResponses() {
        return documented;
    }

    private static SortedSet<DocumentedResponse> collectDocumentedResponses(OpenAPI api) {
        SortedSet<DocumentedResponse> documented = new TreeSet<>();
        if (api.getPaths() == null) {
            return documented;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getResponses() != null) {
                operation.getResponses().keySet().stream()
                        .filter(status -> !DEFAULT_RESPONSE.equals(status))
                        .forEach(status -> documented.add(new DocumentedResponse(method.name(), path, status)));
            }
        }));
        return documented;
    }

    /** Validates the pair; only response findings are at level ERROR. */
    ValidationReport validate(Interaction interaction) {
        return validator.validate(request(interaction), response(interaction));
    }

    private static Request request(Interaction interaction) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(interaction.method(), interaction.path());
        copyHeaders(interaction.requestHeaders(), builder::withHeader);
        String query = interaction.uri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                builder.withQueryParam(name, value);
            }
        }
        if (!interaction.requestBody().isEmpty()) {
            builder.withBody(interaction.requestBody());
        }
        return builder.build();
    }

    private static SimpleResponse response(Interaction interaction) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(interaction.status());
        copyHeaders(interaction.responseHeaders(), builder::withHeader);
        if (!interaction.responseBody().isEmpty()) {
            builder.withBody(interaction.responseBody());
        }
        return builder.build();
    }

    private static void copyHeaders(HttpHeaders headers, BiConsumer<String, List<String>> target) {
        for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
            target.accept(header.getKey(), header.getValue());
        }
    }

    private static Optional<Request.Method> method(String method) {
        try {
            return Optional.of(Request.Method.valueOf(method.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
