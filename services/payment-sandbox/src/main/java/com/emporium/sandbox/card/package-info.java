/** Cards: numbers checked and turned into reusable tokens; the number itself is never kept. */
@NullMarked
package com.emporium.sandbox.card;

import org.jspecify.annotations.NullMarked;
