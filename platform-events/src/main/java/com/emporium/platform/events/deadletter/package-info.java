/** Dead letters: moved from the dead-letter queues into the service's database, listed, replayed and discarded. */
@NullMarked
package com.emporium.platform.events.deadletter;

import org.jspecify.annotations.NullMarked;
