/** Circuit breakers and bulkheads around each route's upstream calls. */
@NullMarked
package com.emporium.gateway.resilience;

import org.jspecify.annotations.NullMarked;
