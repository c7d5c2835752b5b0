/**
 * What an engineer sees of the running platform: one checkout's trace read back from Zipkin's API; the rules and
 * their unit tests with promtool; every live {@code /metrics} against Prometheus's conventions and against what
 * the dashboards and rules use; and no secret in any log line.
 */
@NullMarked
package com.emporium.e2e.observability;

import org.jspecify.annotations.NullMarked;
