package com.emporium.platform.events.deadletter;

import java.util.Set;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * The headers a consumer adds to a message it gives up on, before it publishes it to the dead-letter exchange:
 * why, after how many attempts, and from which queue. A message the broker dead-letters itself (its delivery
 * limit was reached) carries the broker's {@code x-death} headers instead.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "x-emporium-failure";
    public static final String ATTEMPTS = "x-emporium-attempts";
    public static final String QUEUE = "x-emporium-queue";
    public static final String ROUTING_KEY = "x-emporium-routing-key";
    /** How many times a message was replayed from the dead letters: a replay that fails again is visible. */
    public static final String REPLAYS = "x-emporium-replays";

    private static final int MAX_REASON_LENGTH = 2000;

    /** Headers that describe a failure or a trip through the broker, not the event: dropped when replaying. */
    static final Set<String> FAILURE_HEADERS = Set.of(REASON, ATTEMPTS, QUEUE, ROUTING_KEY, "x-death",
            "x-first-death-exchange", "x-first-death-queue", "x-first-death-reason", "x-last-death-exchange",
            "x-last-death-queue", "x-last-death-reason", "x-delivery-count");

    private DeadLetterHeaders() {
    }

    /** A copy of {@code original} with the failure headers, ready for the dead-letter exchange. */
    public static Message failed(Message original, String queue, Throwable failure, int attempts) {
        MessageProperties received = original.getMessageProperties();
        MessageProperties copy = new MessageProperties();
        copy.setContentType(received.getContentType());
        copy.setContentEncoding(received.getContentEncoding());
        copy.setDeliveryMode(received.getReceivedDeliveryMode());
        copy.setMessageId(received.getMessageId());
        copy.setType(received.getType());
        copy.setTimestamp(received.getTimestamp());
        copy.setAppId(received.getAppId());
        received.getHeaders().forEach(copy::setHeader);
        copy.setHeader(REASON, reason(failure));
        copy.setHeader(ATTEMPTS, attempts);
        copy.setHeader(QUEUE, queue);
        copy.setHeader(ROUTING_KEY, received.getReceivedRoutingKey());
        return new Message(original.getBody(), copy);
    }

    /** What an admin reads: the failure's kind and message, never a stack trace (the log has it). */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
    }
}
