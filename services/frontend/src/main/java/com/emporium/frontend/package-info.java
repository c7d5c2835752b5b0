/** Serves the built storefront: static files, SPA fallback, caching and security headers, and /config.json. */
@NullMarked
package com.emporium.frontend;

import org.jspecify.annotations.NullMarked;
