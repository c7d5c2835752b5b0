package com.emporium.gateway.metrics;

import io.micrometer.common.KeyValue;
import java.util.List;
import java.util.Objects;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code http_server_requests_seconds} at the gateway counts a proxied request under its route's path template
 * ({@code uri="/api/orders/**"}), as a service counts it under its handler's template. A proxied request has no
 * handler pattern of its own (WebFlux would say {@code UNKNOWN} for every route), so the template is the route's
 * {@code Path} predicate that matches the request, also when the gateway answered before routing (401, 429).
 * The gateway's own endpoints keep their handler patterns; anything else keeps the default ({@code NOT_FOUND},
 * {@code UNKNOWN}), so the tag never holds a raw path.
 */
@Component
public class RouteTemplateObservationConvention extends DefaultServerRequestObservationConvention {

    private static final String PATH_PREDICATE = "Path";

    private final List<PathPattern> templates;

    public RouteTemplateObservationConvention(GatewayProperties gateway) {
        super("http.server.requests");
        this.templates = gateway.getRoutes().stream()
                .flatMap(route -> route.getPredicates().stream())
                .filter(predicate -> PATH_PREDICATE.equals(predicate.getName()))
                .map(PredicateDefinition::getArgs)
                .flatMap(args -> args.values().stream())
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        if (context.getPathPattern() == null && context.getCarrier() != null) {
            PathContainer path = Objects.requireNonNull(context.getCarrier()).getPath().pathWithinApplication();
            for (PathPattern template : templates) {
                if (template.matches(path)) {
                    return KeyValue.of("uri", template.getPatternString());
                }
            }
        }
        return super.uri(context);
    }
}
