package com.emporium.sandbox.web;

import com.emporium.sandbox.SandboxProblem;
import com.emporium.sandbox.SandboxProblem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body read strictly, field by field: a property the operation does not know, a missing required one,
 * or one of the wrong JSON type is named in one 400 with every other that is wrong. Messages never repeat a value
 * (a body may carry a card number). Decimals are read exactly, never through a {@code double}.
 *
 * <p>Read each field, then call {@link #validate()}; a field that failed reads as {@code null}.
 */
public final class JsonBody {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode root;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** Reads {@code text} as one JSON object with no properties but {@code known}. */
    public static JsonBody parse(@Nullable String text, Set<String> known) {
        if (text == null || text.isBlank()) {
            throw malformed();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException ex) {
            // not chained and not logged: the parser's message quotes the text, which may hold a card number
            throw malformed();
        }
        if (root == null || !root.isObject()) {
            throw malformed();
        }
        JsonBody body = new JsonBody(root);
        for (String name : root.propertyNames()) {
            if (!known.contains(name)) {
                body.errors.add(new FieldError(name, "is not a field of this request"));
            }
        }
        return body;
    }

    /** A string; {@code null} when absent (or JSON null) and not required. */
    public @Nullable String text(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            return fail(field, "must be a string");
        }
        return value.asString();
    }

    /** A whole number; {@code null} when absent (or JSON null) and not required. */
    public @Nullable Integer integer(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            return fail(field, "must be a whole number");
        }
        return value.intValue();
    }

    /** A decimal number, exactly as written; {@code null} when absent (or JSON null) and not required. */
    public @Nullable BigDecimal decimal(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            return fail(field, "must be a number");
        }
        return value.decimalValue();
    }

    /** Records a field that is there but wrong. */
    public <T> @Nullable T fail(String field, String message) {
        if (errors.stream().noneMatch(error -> error.field().equals(field))) {
            errors.add(new FieldError(field, message));
        }
        return null;
    }

    /** Refuses the body, naming every field that was wrong. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw SandboxProblem.invalid("validation", errors);
        }
    }

    private @Nullable JsonNode present(String field, boolean required) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        return value;
    }

    private static SandboxProblem malformed() {
        return new SandboxProblem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed Request Body",
                "The request body is missing or is not a well-formed JSON object.");
    }
}
