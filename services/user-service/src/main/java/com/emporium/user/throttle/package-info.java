/** Limits on logins and registrations, kept in Redis so that replicas share them. */
@NullMarked
package com.emporium.user.throttle;

import org.jspecify.annotations.NullMarked;
