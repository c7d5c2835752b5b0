package com.emporium.test.events;

import java.util.List;
import java.util.Optional;

/**
 * A channel of the AsyncAPI document: a routing key on an exchange, and the messages published with it.
 *
 * @param id the channel's key under {@code channels}
 * @param address the routing key
 * @param exchange the name of the exchange its messages are published to
 * @param messages the messages it carries, each with a name of its own
 */
record DocumentedChannel(String id, String address, String exchange, List<DocumentedMessage> messages) {

    DocumentedChannel {
        messages = List.copyOf(messages);
    }

    Optional<DocumentedMessage> message(String name) {
        return messages.stream().filter(message -> message.name().equals(name)).findFirst();
    }

    List<String> messageNames() {
        return messages.stream().map(DocumentedMessage::name).toList();
    }
}
