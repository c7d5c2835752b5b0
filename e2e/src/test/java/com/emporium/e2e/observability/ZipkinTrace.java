package com.emporium.e2e.observability;

import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One trace as Zipkin's API answers it ({@code GET /api/v2/trace/{id}}, spans in Zipkin's v2 JSON), with what the
 * tests ask of it: a span by what it is, a span's parent and ancestors, the services that took part.
 */
final class ZipkinTrace {

    /** One span: Zipkin lower-cases names and service names; {@code kind} is empty for an internal span. */
    record Span(String traceId, String id, @Nullable String parentId, String kind, String name, String service,
            String remoteService, Map<String, String> tags) {

        boolean is(String kind, String service, String name) {
            return this.kind.equals(kind) && this.service.equals(service) && this.name.equals(name);
        }

        boolean isQuery() {
            return tags.keySet().stream().anyMatch(key -> key.startsWith("jdbc.query"));
        }

        String describe() {
            return "%s %s %s \"%s\" (id %s, parent %s) %s".formatted(service, kind.isEmpty() ? "INTERNAL" : kind,
                    remoteService.isEmpty() ? "" : "-> " + remoteService, name, id, parentId, tags);
        }
    }

    private final String traceId;
    private final List<Span> spans;
    private final Map<String, Span> byId = new LinkedHashMap<>();

    private ZipkinTrace(String traceId, List<Span> spans) {
        this.traceId = traceId;
        this.spans = spans;
        spans.forEach(span -> byId.put(span.id(), span));
    }

    /** The trace as Zipkin holds it now: empty when Zipkin knows no span of it yet. */
    static ZipkinTrace read(URI zipkin, String traceId) {
        ApiResponse answer = ApiClient.unchecked(zipkin).get("/api/v2/trace/" + traceId).send();
        if (answer.status() == 404) {
            return new ZipkinTrace(traceId, List.of());
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("Zipkin answered " + answer);
        }
        List<Span> spans = new ArrayList<>();
        for (JsonNode span : answer.json()) {
            Map<String, String> tags = new LinkedHashMap<>();
            span.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asString()));
            spans.add(new Span(span.path("traceId").asString(), span.path("id").asString(),
                    span.hasNonNull("parentId") ? span.get("parentId").asString() : null,
                    span.path("kind").asString(""), span.path("name").asString(""),
                    span.path("localEndpoint").path("serviceName").asString(""),
                    span.path("remoteEndpoint").path("serviceName").asString(""), tags));
        }
        return new ZipkinTrace(traceId, spans);
    }

    String id() {
        return traceId;
    }

    List<Span> spans() {
        return spans;
    }

    Set<String> services() {
        return spans.stream().map(Span::service).collect(Collectors.toCollection(TreeSet::new));
    }

    List<Span> all(Predicate<Span> which) {
        return spans.stream().filter(which).toList();
    }

    Optional<Span> find(Predicate<Span> which) {
        List<Span> found = all(which);
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** The one span that matches; fails, listing the trace, when none or several do. */
    Span one(Predicate<Span> which, String what) {
        List<Span> found = all(which);
        if (found.size() != 1) {
            throw new AssertionError("expected one span " + what + " in trace " + traceId + ", found "
                    + found.size() + ":\n" + this);
        }
        return found.getFirst();
    }

    Optional<Span> parentOf(Span span) {
        return Optional.ofNullable(span.parentId()).map(byId::get);
    }

    /** The span's parent, its parent's parent, and so on, as far as the trace holds them. */
    List<Span> ancestorsOf(Span span) {
        List<Span> ancestors = new ArrayList<>();
        Optional<Span> parent = parentOf(span);
        while (parent.isPresent() && ancestors.size() < spans.size()) {
            ancestors.add(parent.get());
            parent = parentOf(parent.get());
        }
        return ancestors;
    }

    List<Span> childrenOf(Span span) {
        return all(child -> span.id().equals(child.parentId()));
    }

    @Override
    public String toString() {
        return spans.stream().map(Span::describe).collect(Collectors.joining("\n"));
    }
}
