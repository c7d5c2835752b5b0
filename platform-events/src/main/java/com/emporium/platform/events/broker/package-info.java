/**
 * What the backbone's parts share about the broker: the topology, the publisher that waits for confirms, and
 * trace context in message headers. Not for services to call.
 */
@NullMarked
package com.emporium.platform.events.broker;

import org.jspecify.annotations.NullMarked;
