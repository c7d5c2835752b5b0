/** The Prometheus naming and help-text conventions every Emporium process's meters follow. */
@NullMarked
package com.emporium.platform.metrics.conventions;

import org.jspecify.annotations.NullMarked;
