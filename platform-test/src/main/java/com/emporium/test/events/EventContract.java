package com.emporium.test.events;

import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.contract.ContractLocator;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The platform's AsyncAPI 3.0 event contract ({@code contracts/events.yaml}): fails every captured message that
 * breaks it, and records which documented messages conforming ones covered.
 *
 * <p>The document follows these conventions, and is refused at load when it does not:
 * <ul>
 *   <li>A channel's {@code address} is the routing key, exact (no parameters, no wildcards), one channel per
 *       routing key. Its {@code messages} are {@code $ref}s to {@code components.messages} (inline ones are read
 *       too). Its {@code bindings.amqp} say {@code is: routingKey} and
 *       {@code exchange: {name, type: topic, durable: true, autoDelete: false}}, as the services declare it.</li>
 *   <li>A message's {@code name} is the event type, which the publisher puts in the AMQP {@code type} property;
 *       no two messages share a name. It has {@code contentType: application/json} (or the document's
 *       {@code defaultContentType}), {@code headers}: a schema of the AMQP headers, {@code payload}: a schema of
 *       the whole JSON body, and {@code bindings.amqp.deliveryMode: 2} (persistent).</li>
 *   <li>Schemas are AsyncAPI's default format, a superset of JSON Schema draft-07, checked as draft-07 with
 *       {@code format} asserted ({@code uuid}, {@code date-time}). They may use local {@code $ref}s
 *       ({@code #/components/schemas/...}), nested as deep as needed, which resolve within the whole document.
 *       An object is open unless its schema says {@code additionalProperties: false}.</li>
 * </ul>
 *
 * <p>A message breaks the contract when its routing key is the address of no channel; it was published to another
 * exchange than its channel's; no message of the channel is named by its type; its content type (parameters such
 * as a charset aside) or delivery mode differs; it has no message id, or one other than its body's {@code id}; its
 * headers break their schema; or its body is not JSON or breaks the payload schema. {@link #validate} reports all
 * of these at once.
 *
 * <p>{@link #forRepository()} gives one contract per JVM, so every test class of a suite adds to the same record,
 * which {@link #assertEveryMessageSeen()} checks at the end. Safe to use from several threads.
 */
public final class EventContract {

    /** The document's file name in the repository's {@code contracts/} folder. */
    public static final String FILE_NAME = "events.yaml";

    private static final ConcurrentHashMap<String, EventContract> SHARED = new ConcurrentHashMap<>();

    private final AsyncApiDocument document;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private EventContract(AsyncApiDocument document) {
        this.document = document;
    }

    /**
     * A new contract of its own for the AsyncAPI document at this path, with nothing seen yet.
     *
     * @throws IllegalStateException naming what breaks the conventions, or what cannot be read
     */
    public static EventContract load(Path document) {
        return new EventContract(AsyncApiReader.read(document));
    }

    /**
     * This JVM's contract for the repository's {@code contracts/events.yaml}, loaded on first use. It is found in
     * the folder named by the system property {@code emporium.contracts.dir}, or else in the nearest
     * {@code contracts/} folder at or above the working directory.
     */
    public static EventContract forRepository() {
        return SHARED.computeIfAbsent(FILE_NAME, name -> load(ContractLocator.find(name)));
    }

    /** The contract's file. */
    public Path document() {
        return document.source();
    }

    /**
     * Checks one message against the contract and records its type when it conforms.
     *
     * @throws AssertionError listing every violation, with the message's routing key, type and id
     */
    public void validate(CapturedMessage message) {
        List<String> violations = EventChecks.violations(document, message);
        if (!violations.isEmpty()) {
            throw new AssertionError("The event with routing key '" + message.routingKey() + "', type '"
                    + message.type() + "' and message id '" + message.messageId() + "' breaks "
                    + document().getFileName() + ":"
                    + violations.stream().map(violation -> "\n  - " + violation).collect(Collectors.joining())
                    + "\nThe event: " + message);
        }
        // a conforming message has a type, one the channel documents
        seen.add(Objects.requireNonNull(message.type()));
    }

    /** Every channel's address: the routing keys the contract documents. */
    public SortedSet<String> documentedRoutingKeys() {
        return document.addresses();
    }

    /** The names (event types) of the messages the channels carry. */
    public SortedSet<String> documentedMessageNames() {
        return document.messageNames();
    }

    /** The documented messages that a conforming message has covered so far. */
    public SortedSet<String> seenMessageNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(seen));
    }

    /**
     * Fails, naming each one, when a documented message was never validated in this contract's life (for
     * {@link #forRepository()}, the JVM's): meant for the end of a suite.
     *
     * @throws AssertionError listing the documented message names no conforming message had
     */
    public void assertEveryMessageSeen() {
        assertSeen(document.messageNames(), "");
    }

    /**
     * The same as {@link #assertEveryMessageSeen()} for the messages of the channels whose routing key starts with
     * this prefix ({@code "payment."}): what one publishing service's suite can cover.
     *
     * @throws AssertionError listing the messages of those channels that no conforming message had
     */
    public void assertEveryMessageSeen(String routingKeyPrefix) {
        SortedSet<String> documented = document.messageNames(routingKeyPrefix);
        if (documented.isEmpty()) {
            throw new AssertionError("No channel of " + document().getFileName() + " has a routing key starting with '"
                    + routingKeyPrefix + "'");
        }
        assertSeen(documented, " on routing keys '" + routingKeyPrefix + "*'");
    }

    private void assertSeen(SortedSet<String> documented, String where) {
        SortedSet<String> missing = new TreeSet<>(documented);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new AssertionError(missing.size() + " of the " + documented.size()
                    + " messages documented in " + document().getFileName() + where + " were never validated:"
                    + missing.stream().map(name -> "\n  - " + name).collect(Collectors.joining()));
        }
    }
}
