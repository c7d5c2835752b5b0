/** HTTP adapters for login, refresh and logout. */
@NullMarked
package com.emporium.user.auth.web;

import org.jspecify.annotations.NullMarked;
