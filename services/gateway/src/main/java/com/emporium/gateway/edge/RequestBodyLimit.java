package com.emporium.gateway.edge;

import com.emporium.gateway.GatewayProperties;
import com.emporium.gateway.problem.PayloadTooLarge;
import com.emporium.gateway.problem.ProblemResponses;
import com.emporium.platform.problem.ProblemTypes;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code MAX_BODY_SIZE} with 413: at once when {@code Content-Length} says so, and
 * while streaming when a chunked body grows past the limit (the upstream call then fails and the client gets
 * 413, or a cut connection if the service had already started to answer). Runs right after Spring Security.
 */
@Component
public class RequestBodyLimit implements WebFilter, Ordered {

    private final DataSize limit;
    private final ProblemResponses problems;

    public RequestBodyLimit(GatewayProperties properties, ProblemResponses problems) {
        this.limit = properties.maxBodySize();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // just after Spring Security's chain (-100): a 413 carries the CORS and security headers like any answer
        return -99;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    new PayloadTooLarge(limit).getMessage(), null);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
