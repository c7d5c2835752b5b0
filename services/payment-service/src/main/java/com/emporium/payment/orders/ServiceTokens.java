package com.emporium.payment.orders;

import com.emporium.payment.PaymentServiceProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * payment-service's own access token (role {@code service}), from user-service's OAuth2 token endpoint with the
 * client-credentials grant. One token serves every request until shortly before it expires; one caller fetches a
 * new one while the others wait for it, and a failed fetch is remembered briefly so that callers fail fast.
 */
final class ServiceTokens {

    private final RestClient http;
    private final PaymentServiceProperties.ServiceToken settings;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile @Nullable Cached cached;
    private volatile @Nullable Instant failedUntil;

    private record Cached(String token, Instant refreshAt) {
    }

    record TokenGrant(@JsonProperty("access_token") @Nullable String accessToken,
            @JsonProperty("expires_in") long expiresIn) {
    }

    ServiceTokens(RestClient.Builder builder, PaymentServiceProperties.ServiceToken settings, Clock clock) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.userServiceUrl().toString()).requestFactory(requests).build();
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A token that is good for a while yet.
     *
     * @throws OrderServiceFailure when user-service does not give one
     */
    String current() {
        Cached token = cached;
        if (token != null && clock.instant().isBefore(token.refreshAt())) {
            return token.token();
        }
        refuseWhileFailing();
        try {
            if (!fetching.tryLock(settings.connectTimeout().plus(settings.readTimeout()).toMillis(),
                    TimeUnit.MILLISECONDS)) {
                throw new OrderServiceFailure("waited too long for another request's service token");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new OrderServiceFailure("interrupted waiting for a service token", ex);
        }
        try {
            token = cached;
            if (token == null || !clock.instant().isBefore(token.refreshAt())) {
                refuseWhileFailing();
                try {
                    token = fetch();
                } catch (OrderServiceFailure ex) {
                    failedUntil = clock.instant().plus(settings.failureMemory());
                    throw ex;
                }
                cached = token;
                failedUntil = null;
            }
            return token.token();
        } finally {
            fetching.unlock();
        }
    }

    /** Forgets {@code token} (it was refused), so that the next call fetches a new one. */
    void invalidate(String token) {
        Cached now = cached;
        if (now != null && now.token().equals(token)) {
            cached = null;
        }
    }

    private void refuseWhileFailing() {
        Instant failed = failedUntil;
        if (failed != null && clock.instant().isBefore(failed)) {
            throw new OrderServiceFailure("user-service gave no service token a moment ago");
        }
    }

    private Cached fetch() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        Instant asked = clock.instant();
        TokenGrant grant;
        try {
            grant = http.post().uri("/oauth2/token")
                    .headers(headers -> headers.setBasicAuth(settings.clientId(), settings.clientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(TokenGrant.class);
        } catch (RestClientException ex) {
            throw new OrderServiceFailure("no service token from user-service: " + ex.getMessage(), ex);
        }
        if (grant == null || grant.accessToken() == null || grant.expiresIn() <= 0) {
            throw new OrderServiceFailure("user-service answered the token request without a usable token");
        }
        Duration lifetime = Duration.ofSeconds(grant.expiresIn());
        Duration keep = lifetime.minus(settings.refreshBeforeExpiry());
        if (keep.compareTo(lifetime.dividedBy(2)) < 0) {
            keep = lifetime.dividedBy(2);
        }
        return new Cached(grant.accessToken(), asked.plus(keep));
    }
}
