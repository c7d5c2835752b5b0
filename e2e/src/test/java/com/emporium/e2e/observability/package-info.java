/** What an engineer sees of the running platform: one checkout's trace, read back from Zipkin's API. */
@NullMarked
package com.emporium.e2e.observability;

import org.jspecify.annotations.NullMarked;
