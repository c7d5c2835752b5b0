package com.emporium.platform.events.deadletter.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.emporium.platform.events.deadletter.DeadLetter;
import com.emporium.platform.events.deadletter.DeadLetters;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import com.emporium.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.AmqpException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists a service's dead letters with their reasons, replays one or all of them, discards one. The path is the
 * service's own admin area, which the gateway and the service's security restrict to admins.
 */
@RestController
@RequestMapping("/api/${emporium.events.dead-letter-area}/admin/dead-letters")
public class DeadLetterController {

    private static final Set<String> SORTABLE = Set.of("deadLetteredAt");

    private final DeadLetters deadLetters;
    private final JsonMapper json;

    public DeadLetterController(DeadLetters deadLetters, JsonMapper json) {
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @GetMapping
    public PageResponse<Summary> list(@RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageQuery query = PageQuery.of(page, size, sort, SORTABLE, "deadLetteredAt,desc");
        return PageResponse.of(deadLetters.page(query.offset(), query.size(), !query.ascending()).stream()
                .map(Summary::of).toList(), query, deadLetters.count());
    }

    @GetMapping("/{id}")
    public Detail get(@PathVariable UUID id) {
        return deadLetters.find(id).map(this::detail).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/replay")
    public Replayed replay(@PathVariable UUID id) {
        try {
            if (!deadLetters.replay(id)) {
                throw notFound(id);
            }
        } catch (AmqpException ex) {
            throw new BrokerUnavailable();
        }
        return new Replayed(1);
    }

    @PostMapping("/replay")
    public Replayed replayAll() {
        try {
            return new Replayed(deadLetters.replayAll());
        } catch (AmqpException ex) {
            throw new BrokerUnavailable();
        }
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> discard(@PathVariable UUID id) {
        if (!deadLetters.discard(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private Detail detail(DeadLetter letter) {
        String body = new String(letter.body(), StandardCharsets.UTF_8);
        JsonNode event = null;
        try {
            event = json.readTree(body);
        } catch (RuntimeException ex) {
            // not JSON: shown as text
        }
        return new Detail(Summary.of(letter), letter.headers(), event, event == null ? body : null);
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found",
                "There is no dead letter " + id + ".");
    }

    /** One dead letter in the list. */
    public record Summary(UUID id, String queue, String messageId, @Nullable String eventType,
            @Nullable String routingKey, @Nullable String aggregateId, String reason, int attempts,
            Instant deadLetteredAt, int replays) {

        static Summary of(DeadLetter letter) {
            return new Summary(letter.id(), letter.queue(), letter.messageId(), letter.eventType(),
                    letter.routingKey(), letter.aggregateId(), letter.reason(), letter.attempts(),
                    letter.deadLetteredAt(), letter.replays());
        }
    }

    /**
     * One dead letter with its message: {@code event} when the body is JSON, otherwise {@code body} as text.
     */
    public record Detail(Summary letter, Map<String, Object> headers, @Nullable JsonNode event,
            @Nullable String body) {
    }

    public record Replayed(int replayed) {
    }

    static final class BrokerUnavailable extends ProblemException {

        BrokerUnavailable() {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "The message broker cannot be reached; the dead letters are kept. Try again later.");
            retryAfter(Duration.ofSeconds(5));
        }
    }
}
