/**
 * What a service needs to call another service: its own access token ({@link ServiceTokens}), from user-service
 * with the client-credentials grant.
 */
@NullMarked
package com.emporium.platform.client;

import org.jspecify.annotations.NullMarked;
