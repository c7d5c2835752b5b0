package com.emporium.sandbox.web;

import com.emporium.sandbox.SandboxProblem;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The {@code Idempotency-Key} header every write but tokenization requires: 1 to 255 visible ASCII characters. */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeyHeader() {
    }

    public static String require(@Nullable String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            throw SandboxProblem.invalid("idempotency-key-required", NAME,
                    "is required: 1 to 255 visible ASCII characters (no spaces)");
        }
        return value;
    }
}
