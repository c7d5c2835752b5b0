/** What an Emporium access token must satisfy, checked alike by the gateway and every service. */
@NullMarked
package com.emporium.platform.token;

import org.jspecify.annotations.NullMarked;
