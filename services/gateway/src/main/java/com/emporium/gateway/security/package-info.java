/** Verifies access tokens against user-service's JWKS and applies the edge's access rules. */
@NullMarked
package com.emporium.gateway.security;

import org.jspecify.annotations.NullMarked;
