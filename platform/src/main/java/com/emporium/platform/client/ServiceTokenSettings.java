package com.emporium.platform.client;

import java.net.URI;
import java.time.Duration;

/**
 * How a service gets its own access token.
 *
 * @param userServiceUrl user-service's root; its token endpoint is {@code /oauth2/token}
 * @param clientId the service's client id (its name)
 * @param clientSecret the service's client secret
 * @param refreshBeforeExpiry how long before its expiry a token is renewed (at most half its lifetime is used)
 * @param connectTimeout how long connecting to user-service may take
 * @param readTimeout how long its answer may take
 * @param failureMemory how long a failed token request is remembered: meanwhile callers fail at once
 */
public record ServiceTokenSettings(URI userServiceUrl, String clientId, String clientSecret,
        Duration refreshBeforeExpiry, Duration connectTimeout, Duration readTimeout, Duration failureMemory) {
}
