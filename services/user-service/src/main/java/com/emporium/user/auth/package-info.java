/** Login, refresh-token rotation with reuse detection, logout and password hashing. */
@NullMarked
package com.emporium.user.auth;

import org.jspecify.annotations.NullMarked;
