/** The transactional outbox and the relay that publishes it to RabbitMQ. */
@NullMarked
package com.emporium.platform.events.outbox;

import org.jspecify.annotations.NullMarked;
