/** Which observations become spans, shared by the services and the gateway. */
@NullMarked
package com.emporium.platform.tracing;

import org.jspecify.annotations.NullMarked;
