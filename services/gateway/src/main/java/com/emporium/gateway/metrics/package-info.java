/** The gateway's own metrics conventions: the route template a proxied request is counted under. */
@NullMarked
package com.emporium.gateway.metrics;

import org.jspecify.annotations.NullMarked;
