/** The gateway application and its configuration. */
@NullMarked
package com.emporium.gateway;

import org.jspecify.annotations.NullMarked;
