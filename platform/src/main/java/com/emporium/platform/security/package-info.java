/** Every service is an OAuth2 resource server that verifies bearer JWTs against the JWKS itself. */
@NullMarked
package com.emporium.platform.security;

import org.jspecify.annotations.NullMarked;
