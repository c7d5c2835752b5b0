/** Services' client credentials and the tokens issued to them. */
@NullMarked
package com.emporium.user.client;

import org.jspecify.annotations.NullMarked;
