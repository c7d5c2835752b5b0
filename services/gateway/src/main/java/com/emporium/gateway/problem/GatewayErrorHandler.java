package com.emporium.gateway.problem;

import com.emporium.gateway.GatewayProperties;
import com.emporium.platform.problem.ProblemTypes;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.Errors;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns every error on the way through the gateway into problem+json: no route (404), a body over the limit
 * (413), an upstream that cannot be reached, whose breaker is open or whose bulkhead is full (503 with
 * {@code Retry-After}), one that answers too slowly (504), a JWKS that cannot be fetched (503), and anything
 * unexpected (500, logged, never shown). Runs before Spring Boot's default handler.
 */
@Component
public class GatewayErrorHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;
    private final Duration retryAfter;
    private final Duration breakerOpenFor;

    public GatewayErrorHandler(ProblemResponses problems, GatewayProperties properties) {
        this.problems = problems;
        this.retryAfter = properties.retryAfter();
        this.breakerOpenFor = properties.resilience().openFor();
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String route = describe(exchange);
        return switch (error) {
            case PayloadTooLarge tooLarge -> problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    ProblemTypes.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), null);
            case DataBufferLimitException tooLarge -> problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    ProblemTypes.PAYLOAD_TOO_LARGE, "the request body is too large", null);
            case CallNotPermittedException open -> unavailable(exchange,
                    "the service behind " + route + " is failing; its circuit breaker is open", breakerOpenFor);
            case ServiceUnavailableException open -> unavailable(exchange,
                    "the service behind " + route + " is failing; its circuit breaker is open", breakerOpenFor);
            case BulkheadFullException full -> unavailable(exchange,
                    "too many calls in flight to the service behind " + route, Duration.ofSeconds(1));
            case Throwable keys when causedBy(keys, Unavailable.class) -> {
                log.warn("cannot verify access tokens: {}", keys.toString());
                yield unavailable(exchange, "access tokens cannot be verified right now", retryAfter);
            }
            case AuthenticationServiceException keys -> {
                log.warn("cannot verify access tokens: {}", keys.toString());
                yield unavailable(exchange, "access tokens cannot be verified right now", retryAfter);
            }
            case NotFoundException missing -> unavailable(exchange,
                    "the service behind " + route + " is not available", retryAfter);
            case ResponseStatusException status -> fromStatus(exchange, status, route);
            default -> unreachable(error)
                    ? unavailable(exchange, "the service behind " + route + " cannot be reached", retryAfter)
                    : internal(exchange, error);
        };
    }

    private Mono<Void> fromStatus(ServerWebExchange exchange, ResponseStatusException error, String route) {
        HttpStatusCode code = error.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            return internal(exchange, error);
        }
        return switch (status) {
            case NOT_FOUND -> problems.write(exchange, status, "no route for " + route);
            case METHOD_NOT_ALLOWED -> problems.write(exchange, status, route + " does not take this method");
            case GATEWAY_TIMEOUT -> problems.write(exchange, status,
                    "the service behind " + route + " did not answer in time");
            case SERVICE_UNAVAILABLE -> unavailable(exchange, "the service behind " + route + " is not available",
                    retryAfter);
            case CONTENT_TOO_LARGE -> problems.write(exchange, status, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "the request body is too large", null);
            default -> {
                if (status.is5xxServerError()) {
                    yield internal(exchange, error);
                }
                yield problems.write(exchange, status,
                        error.getReason() != null ? error.getReason() : status.getReasonPhrase());
            }
        };
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, String detail, Duration after) {
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, detail,
                after);
    }

    private Mono<Void> internal(ServerWebExchange exchange, Throwable error) {
        log.error("unexpected error on {}", describe(exchange), error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                "the gateway could not handle this request", null);
    }

    static boolean causedBy(Throwable error, Class<?> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * What counts against a route's circuit breaker: the service could not be reached or did not answer in
     * time. A client's oversized body, a full bulkhead or a service's own error answer say nothing about the
     * service's health, and must not let one client open the breaker for everyone.
     */
    public static boolean upstreamFailure(Throwable error) {
        if (unreachable(error) || causedBy(error, java.util.concurrent.TimeoutException.class)) {
            return true;
        }
        return error instanceof ResponseStatusException status && status.getStatusCode().value() == 504;
    }

    /**
     * A connection refused, a connect that timed out, a host unknown, or a connection closed or reset under the call
     * (a service killed mid-request resets it).
     */
    public static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof PrematureCloseException
                    || cause instanceof AbortedException || cause instanceof Errors.NativeIoException
                    || cause instanceof SocketException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String describe(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value();
    }
}
