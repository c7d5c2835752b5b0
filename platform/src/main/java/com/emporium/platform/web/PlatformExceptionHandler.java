package com.emporium.platform.web;

import com.emporium.platform.problem.ProblemTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Renders every error inside Spring MVC as problem+json with a stable type: Spring's own exceptions get the
 * platform's type for their status, validation names each bad field, and anything unexpected becomes a 500
 * that says nothing of its cause (the cause goes to the log, with the trace id). The platform runs on Tomcat,
 * whose form parsing errors it knows.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformExceptionHandler.class);
    /** Long enough for a connection pool to get a connection back, short enough not to lose a user. */
    private static final Duration DEPENDENCY_RETRY_AFTER = Duration.ofSeconds(5);

    private final HttpProperties http;

    public PlatformExceptionHandler(HttpProperties http) {
        this.http = http;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .forEach(error -> errors.add(fieldError(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
        return validationProblem(errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return validationProblem(errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own detail speaks of static resources, which says more about the server than the caller needs
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Nothing exists at this path.");
        problem.setType(ProblemTypes.NOT_FOUND);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return validationProblem(List.of(fieldError(name, "must be a valid " + expected)), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLarge tooLarge = causedBy(ex, PayloadTooLarge.class);
        if (tooLarge != null) {
            ProblemDetail problem = RequestBodyLimitFilter.tooLarge(tooLarge.limit());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, malformedDetail(ex));
        problem.setType(ProblemTypes.MALFORMED_BODY);
        problem.setTitle("Malformed Request Body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A body read straight from the request (its stream or reader) grew past the limit. */
    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLarge ex, WebRequest request) {
        return createResponseEntity(RequestBodyLimitFilter.tooLarge(ex.limit()), new HttpHeaders(),
                HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /**
     * Tomcat could not read the form parameters: 413 when the form is over
     * {@code server.tomcat.max-http-form-post-size}, which the platform sets to the body limit, otherwise 400
     * (a malformed form, or too many parameters).
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> unreadableParameters(InvalidParameterException ex, WebRequest request) {
        if (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return createResponseEntity(RequestBodyLimitFilter.tooLarge(http.maxBodySize().toBytes()),
                    new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request parameters could not be read.");
        problem.setType(ProblemTypes.BAD_REQUEST);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "You are not allowed to do this.");
        problem.setType(ProblemTypes.FORBIDDEN);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "A valid bearer token is required.");
        problem.setType(ProblemTypes.UNAUTHORIZED);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    /**
     * The database is down, overloaded or slow to answer: the request may well succeed in a moment, so the
     * caller gets 503 with {@code Retry-After} rather than a 500 that reads as a bug. Covers the subclasses too
     * ({@code CannotGetJdbcConnectionException}, {@code QueryTimeoutException}, lock and deadlock failures), and
     * a transaction that could not begin because no connection was to be had. The detail never names the cause.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<Object> dependencyUnavailable(Exception ex, WebRequest request) {
        log.warn("A dependency is unavailable answering {}: {}", request.getDescription(false),
                NestedExceptionUtils.getMostSpecificCause(ex).toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A service this request depends on is briefly unavailable. Please try again shortly.");
        problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
        problem.setTitle("Service Unavailable");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DEPENDENCY_RETRY_AFTER.toSeconds()));
        return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error answering {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. It has been logged.");
        problem.setType(ProblemTypes.INTERNAL);
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ProblemTypes.forStatus(statusCode));
            }
            HttpStatus known = HttpStatus.resolve(statusCode.value());
            if (problem.getTitle() == null && known != null) {
                problem.setTitle(known.getReasonPhrase());
            }
            if (statusCode.is5xxServerError() && statusCode.value() != 503) {
                problem.setDetail("An unexpected error occurred. It has been logged.");
            }
        }
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, answer, statusCode);
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request is invalid: " + String.join(", ",
                        errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList()) + ".");
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid Request");
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Map<String, String> fieldError(String field, @Nullable String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    /** Names the field whose value had the wrong type, when Jackson tells which one it was. */
    private static String malformedDetail(HttpMessageNotReadableException ex) {
        JacksonException jackson = causedBy(ex, JacksonException.class);
        if (jackson != null && !jackson.getPath().isEmpty()) {
            String path = fieldPath(jackson.getPath());
            return "The request body could not be read: the value of '" + path + "' has the wrong type or form.";
        }
        return "The request body is missing or is not well-formed JSON.";
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                name.append(name.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                name.append('[').append(reference.getIndex()).append(']');
            }
        }
        return name.toString();
    }

    private static <T extends Throwable> @Nullable T causedBy(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
