/** The OAuth2 token endpoint for the client-credentials grant. */
@NullMarked
package com.emporium.user.client.web;

import org.jspecify.annotations.NullMarked;
