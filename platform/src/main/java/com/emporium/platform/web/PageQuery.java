package com.emporium.platform.web;

import com.emporium.platform.problem.ProblemTypes;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A validated {@code ?page=0&size=20&sort=field,asc} request, as every Emporium list takes it. The sort
 * field is one of a fixed set (it ends up in SQL). A size over {@link #MAX_SIZE} is capped to it (the answer
 * says which size it used); a size under 1 or a negative page is refused.
 */
public record PageQuery(int page, int size, String sortField, boolean ascending) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public static PageQuery of(@Nullable Integer page, @Nullable Integer size, @Nullable String sort,
            Set<String> sortable, String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        if (p < 0) {
            throw invalid("page", "must be 0 or more");
        }
        if (s < 1) {
            throw invalid("size", "must be at least 1");
        }
        String[] parts = (sort == null || sort.isBlank() ? defaultSort : sort).split(",");
        String field = parts[0].strip();
        if (!sortable.contains(field)) {
            throw invalid("sort", "must sort by one of " + String.join(", ", sortable.stream().sorted().toList()));
        }
        boolean ascending = true;
        if (parts.length > 2) {
            throw invalid("sort", "must be 'field' or 'field,asc|desc'");
        }
        if (parts.length == 2) {
            String direction = parts[1].strip().toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw invalid("sort", "direction must be asc or desc");
            }
            ascending = direction.equals("asc");
        }
        return new PageQuery(p, s, field, ascending);
    }

    public long offset() {
        return (long) page * size;
    }

    private static ProblemException invalid(String field, String message) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                "Invalid Request", "The request is invalid: " + field + " " + message + ".");
        problem.getBody().setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
        return problem;
    }
}
