/** HTTP adapters for accounts and their administration. */
@NullMarked
package com.emporium.user.account.web;

import org.jspecify.annotations.NullMarked;
