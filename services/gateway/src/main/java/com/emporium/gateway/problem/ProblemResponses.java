package com.emporium.gateway.problem;

import com.emporium.platform.problem.ProblemTypes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own answers as {@code application/problem+json} (RFC 9457) with the platform's stable
 * types, in the shape the services use: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}. Never a stack trace.
 */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, ProblemTypes.forStatus(status), detail, null);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String detail,
            @Nullable Duration retryAfter) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // the upstream's answer has started to flow: all that is left is to cut the connection
            return Mono.error(new IllegalStateException("response already committed: " + detail));
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        // an upstream's headers may already be here (it failed between its headers and its body): keep only
        // what the gateway itself set for this exchange
        for (String name : List.copyOf(headers.headerNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("access-control-") && !lower.equals("vary") && !lower.startsWith("x-ratelimit-")
                    && !lower.equals("www-authenticate")) {
                headers.remove(name);
            }
        }
        headers.setContentType(PROBLEM_JSON);
        headers.setCacheControl("no-store");
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(retryAfter))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        headers.setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
