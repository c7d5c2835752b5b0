/** The gateway's part of tracing: the trace id on every answer, and no traces of probes. */
@NullMarked
package com.emporium.gateway.tracing;

import org.jspecify.annotations.NullMarked;
