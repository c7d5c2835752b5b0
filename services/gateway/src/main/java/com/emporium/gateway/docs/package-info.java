/** Swagger UI over the documents in contracts/. */
@NullMarked
package com.emporium.gateway.docs;

import org.jspecify.annotations.NullMarked;
