/** The platform's lowest-precedence configuration defaults: logs, metrics, tracing, health groups. */
@NullMarked
package com.emporium.platform.defaults;

import org.jspecify.annotations.NullMarked;
