package com.emporium.test.events;

import com.networknt.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A message of the AsyncAPI document, with its schemas compiled.
 *
 * @param name the event type, which publishers put in the AMQP {@code type} property
 * @param pointer where the message object is in the document, e.g. {@code /components/messages/OrderPlaced}
 * @param contentType the content type its body must have
 * @param deliveryMode the AMQP delivery mode it must be published with (2: persistent)
 * @param headers the schema of its AMQP headers, or null when the document gives none
 * @param payload the schema of its whole JSON body
 */
record DocumentedMessage(
        String name, String pointer, String contentType, int deliveryMode, @Nullable Schema headers, Schema payload) {
}
