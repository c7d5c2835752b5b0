/** Access tokens for tests, signed as user-service signs them and published on a JWKS endpoint of the test's own. */
@NullMarked
package com.emporium.test.auth;

import org.jspecify.annotations.NullMarked;
