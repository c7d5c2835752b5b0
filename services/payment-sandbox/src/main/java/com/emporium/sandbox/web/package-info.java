/** What every HTTP adapter of the sandbox shares: strict JSON bodies, the Idempotency-Key header, paging. */
@NullMarked
package com.emporium.sandbox.web;

import org.jspecify.annotations.NullMarked;
