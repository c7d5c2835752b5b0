/**
 * The event backbone's API for services: record an event in the outbox with the state change that causes it,
 * and subscribe handlers to the events of other services.
 */
@NullMarked
package com.emporium.platform.events;

import org.jspecify.annotations.NullMarked;
