/** The backbone's wiring: the auto-configuration, the schema migration, the listener containers and the purge. */
@NullMarked
package com.emporium.platform.events.support;

import org.jspecify.annotations.NullMarked;
