package com.emporium.sandbox.access;

import com.emporium.platform.web.ProblemWriter;
import com.emporium.sandbox.SandboxProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for {@code POST /v1/tokens} alone, the one call a shop's page makes from the browser, and only for the
 * configured origins. Their preflight is answered here (204); a preflight from any other origin is refused (403),
 * and their actual requests are served without CORS headers, so the browser keeps the answer from the page. No
 * other path ever gets CORS headers: the secret-key routes are for servers, never for browsers.
 */
final class TokenCorsFilter extends OncePerRequestFilter {

    static final String PATH = "/v1/tokens";
    private static final Set<String> ALLOWED_HEADERS = Set.of("content-type");
    private static final String MAX_AGE = "600";

    private final Set<String> origins;
    private final ProblemWriter problems;

    TokenCorsFilter(List<String> origins, ProblemWriter problems) {
        this.origins = Set.copyOf(origins.stream().map(String::strip).toList());
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI()) || request.getHeader(HttpHeaders.ORIGIN) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        boolean allowed = origins.contains(origin);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (isPreflight(request)) {
            if (allowed && asksOnlyForWhatIsAllowed(request)) {
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, HttpMethod.POST.name());
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
                response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
                response.setStatus(HttpStatus.NO_CONTENT.value());
            } else {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                        "Cards may be tokenized from the configured origins' pages only, with POST and Content-Type.");
                problem.setType(SandboxProblem.type("origin-not-allowed"));
                problem.setTitle("Origin Not Allowed");
                problems.write(response, problem);
            }
            return;
        }
        if (allowed) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        chain.doFilter(request, response);
    }

    private static boolean isPreflight(HttpServletRequest request) {
        return HttpMethod.OPTIONS.matches(request.getMethod())
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }

    private static boolean asksOnlyForWhatIsAllowed(HttpServletRequest request) {
        if (!HttpMethod.POST.matches(request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))) {
            return false;
        }
        String headers = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        return headers == null || headers.isBlank() || Arrays.stream(headers.split(","))
                .map(header -> header.strip().toLowerCase(Locale.ROOT))
                .allMatch(header -> header.isEmpty() || ALLOWED_HEADERS.contains(header));
    }
}
