/** Accounts: registration, profiles, roles and the administration of users. */
@NullMarked
package com.emporium.user.account;

import org.jspecify.annotations.NullMarked;
