/** user-service: accounts, login, tokens and the keys that sign them. */
@NullMarked
package com.emporium.user;

import org.jspecify.annotations.NullMarked;
