/** HTTP: {@code POST /v1/tokens}, the one call a browser makes, with no key. */
@NullMarked
package com.emporium.sandbox.card.web;

import org.jspecify.annotations.NullMarked;
