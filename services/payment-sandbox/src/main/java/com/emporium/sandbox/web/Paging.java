package com.emporium.sandbox.web;

import com.emporium.sandbox.SandboxProblem;
import com.emporium.sandbox.SandboxProblem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code ?page=0&size=20} of a list, newest first: a size over 100 is capped (the answer says which size it used),
 * a size under 1 or a negative page refused.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public static Paging of(@Nullable Integer page, @Nullable Integer size) {
        List<FieldError> errors = new ArrayList<>();
        if (page != null && page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size != null && size < 1) {
            errors.add(new FieldError("size", "must be at least 1"));
        }
        if (!errors.isEmpty()) {
            throw SandboxProblem.invalid("validation", errors);
        }
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE));
    }

    public long offset() {
        return (long) page * size;
    }
}
