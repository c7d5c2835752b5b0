/** Checks captured events against the AsyncAPI contract and reports which documented messages were seen. */
@NullMarked
package com.emporium.test.events;

import org.jspecify.annotations.NullMarked;
