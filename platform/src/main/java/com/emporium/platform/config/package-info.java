/** Configuration from the environment: platform defaults and the {@code DATABASE_URL} form. */
@NullMarked
package com.emporium.platform.config;

import org.jspecify.annotations.NullMarked;
