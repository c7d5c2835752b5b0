package com.emporium.test.events;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The channels of an AsyncAPI document by routing key, and their messages by name. */
final class AsyncApiDocument {

    private final Path source;
    private final SortedMap<String, DocumentedChannel> channelsByAddress = new TreeMap<>();
    private final SortedMap<String, DocumentedMessage> messagesByName = new TreeMap<>();

    /**
     * @throws IllegalStateException when two channels share an address, or two different messages a name: a
     *     routing key or a type would then not say which one a message must follow
     */
    AsyncApiDocument(Path source, List<DocumentedChannel> channels) {
        this.source = source;
        for (DocumentedChannel channel : channels) {
            DocumentedChannel same = channelsByAddress.putIfAbsent(channel.address(), channel);
            if (same != null) {
                throw new IllegalStateException("The event contract " + source + ": channels '" + same.id()
                        + "' and '" + channel.id() + "' share the address '" + channel.address() + "'");
            }
            channel.messages().forEach(this::addMessage);
        }
    }

    private void addMessage(DocumentedMessage message) {
        DocumentedMessage same = messagesByName.putIfAbsent(message.name(), message);
        if (same != null && !same.pointer().equals(message.pointer())) {
            throw new IllegalStateException("The event contract " + source + ": the messages " + same.pointer()
                    + " and " + message.pointer() + " share the name '" + message.name() + "'");
        }
    }

    Path source() {
        return source;
    }

    Optional<DocumentedChannel> channel(String address) {
        return Optional.ofNullable(channelsByAddress.get(address));
    }

    Optional<DocumentedMessage> message(String name) {
        return Optional.ofNullable(messagesByName.get(name));
    }

    SortedSet<String> addresses() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(channelsByAddress.keySet()));
    }

    /** The names of the messages carried by the channels whose address starts with this prefix. */
    SortedSet<String> messageNames(String addressPrefix) {
        SortedSet<String> names = new TreeSet<>();
        channelsByAddress.values().stream()
                .filter(channel -> channel.address().startsWith(addressPrefix))
                .forEach(channel -> names.addAll(channel.messageNames()));
        return Collections.unmodifiableSortedSet(names);
    }

    SortedSet<String> messageNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(messagesByName.keySet()));
    }
}
