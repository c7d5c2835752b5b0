/** Idempotent consumers: one queue per subscription, handled ids recorded with the effect, retries, dead letters. */
@NullMarked
package com.emporium.platform.events.consumer;

import org.jspecify.annotations.NullMarked;
