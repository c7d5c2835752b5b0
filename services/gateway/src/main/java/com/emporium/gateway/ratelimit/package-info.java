/** Per-consumer token-bucket rate limits per route, kept in Redis. */
@NullMarked
package com.emporium.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
