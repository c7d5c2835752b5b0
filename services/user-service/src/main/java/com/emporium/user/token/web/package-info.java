/** The JWKS endpoint and signing-key administration. */
@NullMarked
package com.emporium.user.token.web;

import org.jspecify.annotations.NullMarked;
