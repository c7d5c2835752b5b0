package com.emporium.inventory.catalog.web;

import com.emporium.inventory.catalog.CatalogQuery;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The query parameters of a product list, checked: the page, the sort, the search text and the category. */
final class CatalogParameters {

    private static final Pattern CATEGORY = Pattern.compile(ProductFields.CATEGORY);

    private CatalogParameters() {
    }

    static CatalogQuery query(@Nullable Integer page, @Nullable Integer size, @Nullable String sort,
            @Nullable String q, @Nullable String category) {
        PageQuery pageQuery = PageQuery.of(page, size, sort, CatalogQuery.SORTABLE, CatalogQuery.DEFAULT_SORT);
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > CatalogQuery.MAX_TEXT_LENGTH) {
            throw invalid("q", "must be at most " + CatalogQuery.MAX_TEXT_LENGTH + " characters");
        }
        if (category != null && (category.length() > 40 || !CATEGORY.matcher(category).matches())) {
            throw invalid("category", "must be a category name: lower-case words joined by '-'");
        }
        return new CatalogQuery(pageQuery, sort != null && !sort.isBlank(), text, category);
    }

    static ProblemException invalid(String field, String message) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                "Invalid Request", "The request is invalid: " + field + " " + message + ".");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
