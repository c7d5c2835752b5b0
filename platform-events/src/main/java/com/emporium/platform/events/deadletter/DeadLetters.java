package com.emporium.platform.events.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.emporium.platform.events.broker.ConfirmedPublisher;
import com.emporium.platform.events.broker.ConfirmedPublisher.Outgoing;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an admin does with dead letters: look at them, replay them to the queue they failed on (once the fault is
 * fixed), or discard them. A replay is published with confirms and only then removed, in one transaction: if
 * the broker is down the letter stays; if the removal fails after publishing, a second replay is a duplicate the
 * consumer's inbox absorbs.
 */
public final class DeadLetters {

    private static final int REPLAY_CHUNK = 100;

    private final DeadLetterStore store;
    private final TransactionTemplate transactions;
    private final ConfirmedPublisher publisher;
    private final Clock clock;

    public DeadLetters(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate transactions,
            ConfirmedPublisher publisher, Clock clock) {
        this.store = new DeadLetterStore(jdbc, json);
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    public List<DeadLetter> page(long offset, int limit, boolean newestFirst) {
        return store.page(offset, limit, newestFirst);
    }

    public long count() {
        return store.count();
    }

    public Optional<DeadLetter> find(UUID id) {
        return store.find(id);
    }

    /**
     * Publishes the letter to the queue it failed on and removes it.
     *
     * @return false when there is no such letter (or another replay of it is under way)
     * @throws org.springframework.amqp.AmqpException when the broker cannot take it; the letter is kept
     */
    public boolean replay(UUID id) {
        Boolean replayed = transactions.execute(status -> {
            Optional<DeadLetter> letter = store.lock(id);
            if (letter.isEmpty()) {
                return false;
            }
            publisher.publish(new Outgoing("", letter.get().queue(), message(letter.get())));
            store.delete(id);
            return true;
        });
        return Boolean.TRUE.equals(replayed);
    }

    /** Replays every letter that was there when it started, oldest first; those that fail again come back. */
    public int replayAll() {
        Instant started = clock.instant();
        int replayed = 0;
        List<UUID> chunk;
        do {
            chunk = store.idsUpTo(started, REPLAY_CHUNK);
            for (UUID id : chunk) {
                if (replay(id)) {
                    replayed++;
                }
            }
        } while (chunk.size() == REPLAY_CHUNK);
        return replayed;
    }

    public boolean discard(UUID id) {
        return store.delete(id);
    }

    private static Message message(DeadLetter letter) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setContentType(string(letter, "contentType"));
        properties.setContentEncoding(string(letter, "contentEncoding"));
        properties.setMessageId(string(letter, "messageId"));
        properties.setType(string(letter, "type"));
        properties.setAppId(string(letter, "appId"));
        if (letter.properties().get("timestamp") instanceof Number millis) {
            properties.setTimestamp(new Date(millis.longValue()));
        }
        letter.headers().forEach(properties::setHeader);
        properties.setHeader(DeadLetterHeaders.REPLAYS, letter.replays() + 1);
        return new Message(letter.body(), properties);
    }

    private static @Nullable String string(DeadLetter letter, String property) {
        Object value = letter.properties().get(property);
        return value == null ? null : value.toString();
    }
}
