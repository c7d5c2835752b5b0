/** The gateway's per-consumer rate limits. */
@NullMarked
package com.emporium.e2e.ratelimit;

import org.jspecify.annotations.NullMarked;
