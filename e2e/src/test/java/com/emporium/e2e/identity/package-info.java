/** Identity through the gateway: accounts and sessions, refused tokens, roles, identity headers, client addresses. */
@NullMarked
package com.emporium.e2e.identity;

import org.jspecify.annotations.NullMarked;
