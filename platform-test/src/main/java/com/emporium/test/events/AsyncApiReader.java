package com.emporium.test.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import org.jspecify.annotations.Nullable;

/**
 * Reads an AsyncAPI 3 document into channels and messages with compiled schemas, and refuses one that breaks the
 * conventions {@link EventContract} describes, naming the part that does. Jackson 2 because the JSON schema
 * library works on its trees.
 */
final class AsyncApiReader {

    private static final int MAX_REF_HOPS = 16;

    private final Path file;
    private final JsonNode root;
    private final String documentIri;
    private final SchemaRegistry schemas;
    private final Map<String, DocumentedMessage> messagesByPointer = new HashMap<>();

    private AsyncApiReader(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
        this.documentIri = file.toAbsolutePath().toUri().toString();
        this.schemas = registry(documentIri, root);
    }

    static AsyncApiDocument read(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException ex) {
            throw new IllegalStateException("cannot read the AsyncAPI document " + file + ": " + ex.getMessage(), ex);
        }
        return new AsyncApiReader(file, root).document();
    }

    /**
     * Schemas are compiled from the whole document, registered under its own address, so a {@code $ref} such as
     * {@code #/components/schemas/Envelope} inside a message's payload resolves within the document.
     */
    private static SchemaRegistry registry(String documentIri, JsonNode root) {
        String json;
        try {
            json = JsonMapper.builder().build().writeValueAsString(root);
        } catch (JacksonException ex) {
            throw new IllegalStateException("cannot hand the document to the schema library", ex);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                // draft-07 leaves format to the implementation; the contract means uuid and date-time as checks
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        // The document's own fields (asyncapi, channels, components...) and AsyncAPI's schema extras (discriminator,
        // externalDocs, x-...) are no draft-07 keywords: taken as annotations, as the library would, without its
        // warning for each in every suite's log.
        Dialect draft7 = Dialect.builder(Dialects.getDraft7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        return SchemaRegistry.withDefaultDialect(draft7, builder -> builder
                .schemaRegistryConfig(config)
                .schemas(Map.of(documentIri, json)));
    }

    private AsyncApiDocument document() {
        if (!root.path("asyncapi").asText().startsWith("3.")) {
            throw refused("is not an AsyncAPI 3 document (its 'asyncapi' field is '" + root.path("asyncapi").asText()
                    + "')");
        }
        JsonNode channels = root.path("channels");
        if (!channels.isMissingNode() && !channels.isObject()) {
            throw refused("has 'channels' that are not an object");
        }
        // no channels yet is a document's first state: it then fails every message and expects none
        List<DocumentedChannel> read = new ArrayList<>();
        for (Entry<String, JsonNode> channel : channels.properties()) {
            String pointer = pointer("/channels", channel.getKey());
            read.add(channel(channel.getKey(), resolve(channel.getValue(), pointer)));
        }
        return new AsyncApiDocument(file, read);
    }

    private DocumentedChannel channel(String id, Located channel) {
        String where = "channel '" + id + "'";
        String address = text(channel.node(), "address", where);
        if (address.matches(".*[{}*#].*")) {
            throw refused(where + " has the address '" + address + "': an address is an exact routing key, with no"
                    + " parameters or wildcards");
        }
        JsonNode amqp = channel.node().path("bindings").path("amqp");
        if (!"routingKey".equals(amqp.path("is").asText())) {
            throw refused(where + ": bindings.amqp.is must be 'routingKey'");
        }
        String exchange = exchange(amqp.path("exchange"), where);
        JsonNode messages = channel.node().path("messages");
        if (!messages.isObject() || messages.isEmpty()) {
            throw refused(where + " lists no messages");
        }
        List<DocumentedMessage> read = new ArrayList<>();
        for (Entry<String, JsonNode> message : messages.properties()) {
            Located located = resolve(message.getValue(), pointer(channel.pointer() + "/messages", message.getKey()));
            DocumentedMessage documented = message(located);
            if (read.stream().anyMatch(other -> other.name().equals(documented.name()))) {
                throw refused(where + " carries two messages named '" + documented.name() + "'");
            }
            read.add(documented);
        }
        return new DocumentedChannel(id, address, exchange, read);
    }

    /** The exchange must be declared as the services and {@code EventCapture} declare it, or theirs would clash. */
    private String exchange(JsonNode exchange, String where) {
        String name = text(exchange, "name", where + " bindings.amqp.exchange");
        boolean declaredAsTheServicesDo = "topic".equals(exchange.path("type").asText())
                && exchange.path("durable").asBoolean(false)
                && exchange.path("autoDelete").isBoolean() && !exchange.path("autoDelete").asBoolean();
        if (!declaredAsTheServicesDo) {
            throw refused(where + ": bindings.amqp.exchange must say type: topic, durable: true, autoDelete: false");
        }
        return name;
    }

    private DocumentedMessage message(Located message) {
        DocumentedMessage known = messagesByPointer.get(message.pointer());
        if (known == null) {
            known = compile(message);
            messagesByPointer.put(message.pointer(), known);
        }
        return known;
    }

    private DocumentedMessage compile(Located message) {
        String where = "message " + message.pointer();
        JsonNode node = message.node();
        String name = text(node, "name", where);
        String contentType = node.path("contentType").asText(root.path("defaultContentType").asText(""));
        if (contentType.isBlank()) {
            throw refused(where + " has no contentType, and the document no defaultContentType");
        }
        JsonNode deliveryMode = node.path("bindings").path("amqp").path("deliveryMode");
        if (!deliveryMode.isInt()) {
            throw refused(where + ": bindings.amqp.deliveryMode must be given (2: persistent)");
        }
        if (!node.has("payload")) {
            throw refused(where + " has no payload schema");
        }
        @Nullable Schema headers = node.has("headers")
                ? schema(node.path("headers"), message.pointer() + "/headers")
                : null;
        Schema payload = schema(node.path("payload"), message.pointer() + "/payload");
        return new DocumentedMessage(name, message.pointer(), contentType, deliveryMode.asInt(), headers, payload);
    }

    /**
     * The compiled schema at {@code pointer}. A multi-format schema object ({@code schemaFormat} and {@code schema})
     * is read when its format is a JSON schema one, the only kind this contract checks.
     */
    private Schema schema(JsonNode node, String pointer) {
        String at = pointer;
        if (node.has("schemaFormat")) {
            String format = node.path("schemaFormat").asText();
            if (!format.startsWith("application/vnd.aai.asyncapi") && !format.startsWith("application/schema+")) {
                throw refused(pointer + " has the schemaFormat '" + format + "'; only JSON schema is checked");
            }
            at = pointer + "/schema";
        }
        try {
            Schema schema = schemas.getSchema(SchemaLocation.of(documentIri + "#" + at));
            // compiles every keyword and resolves every $ref now, so a dangling one fails the load, not a test
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException ex) {
            throw refused("the schema at " + at + " does not compile: " + ex.getMessage());
        }
    }

    /** A node and where it is, after following its local {@code $ref}s. */
    private record Located(JsonNode node, String pointer) {
    }

    private Located resolve(JsonNode node, String pointer) {
        Located located = new Located(node, pointer);
        for (int hop = 0; located.node().has("$ref"); hop++) {
            String ref = located.node().path("$ref").asText();
            if (hop == MAX_REF_HOPS) {
                throw refused(pointer + ": more than " + MAX_REF_HOPS + " $refs in a row (a cycle?)");
            }
            if (!ref.startsWith("#/")) {
                throw refused(located.pointer() + " refers to '" + ref + "': only local $refs (#/...) are supported");
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw refused(located.pointer() + " refers to '" + ref + "', which is not in the document");
            }
            located = new Located(target, ref.substring(1));
        }
        return located;
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw refused(where + " has no '" + field + "'");
        }
        return value.asText();
    }

    private static String pointer(String parent, String key) {
        return JsonPointer.compile(parent).appendProperty(key).toString();
    }

    private IllegalStateException refused(String reason) {
        return new IllegalStateException("The event contract " + file + ": " + reason);
    }
}
