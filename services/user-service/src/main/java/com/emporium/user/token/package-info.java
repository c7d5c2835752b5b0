/** Access tokens: signing keys kept encrypted in the database, rotation, issuing and verifying JWTs. */
@NullMarked
package com.emporium.user.token;

import org.jspecify.annotations.NullMarked;
