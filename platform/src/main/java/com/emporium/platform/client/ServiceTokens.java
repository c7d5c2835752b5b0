package com.emporium.platform.client;

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
 * A service's own access token (role {@code service}), from user-service's OAuth2 token endpoint with the
 * client-credentials grant. One token serves every request and is kept until shortly before it expires; one caller
 * fetches a new one while the others wait for it (never longer than one fetch may take), and a failed fetch is
 * remembered for {@link ServiceTokenSettings#failureMemory()} so that callers fail fast meanwhile. A caller that
 * sees its token refused hands it back with {@link #invalidate(String)}.
 */
public final class ServiceTokens {

    private final RestClient http;
    private final ServiceTokenSettings settings;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile @Nullable Cached cached;
    /** Until when a failed token request answers for the callers after it. */
    private volatile @Nullable Instant failedUntil;

    private record Cached(String token, Instant refreshAt) {
    }

    record TokenGrant(@JsonProperty("access_token") @Nullable String accessToken,
            @JsonProperty("expires_in") long expiresIn) {
    }

    public ServiceTokens(RestClient.Builder builder, ServiceTokenSettings settings, Clock clock) {
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
     * @throws ServiceTokenUnavailable when user-service does not give one
     */
    public String current() {
        Cached token = cached;
        if (token != null && clock.instant().isBefore(token.refreshAt())) {
            return token.token();
        }
        refuseWhileFailing();
        // One fetch at a time; the others wait for it, but never longer than one fetch may take.
        try {
            if (!fetching.tryLock(settings.connectTimeout().plus(settings.readTimeout()).toMillis(),
                    TimeUnit.MILLISECONDS)) {
                throw new ServiceTokenUnavailable("waited too long for another request's service token");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenUnavailable("interrupted waiting for a service token", ex);
        }
        try {
            token = cached;
            if (token == null || !clock.instant().isBefore(token.refreshAt())) {
                refuseWhileFailing();
                try {
                    token = fetch();
                } catch (ServiceTokenUnavailable ex) {
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

    private void refuseWhileFailing() {
        Instant failed = failedUntil;
        if (failed != null && clock.instant().isBefore(failed)) {
            throw new ServiceTokenUnavailable("user-service gave no service token a moment ago");
        }
    }

    /** Forgets {@code token} (the callee refused it), so that the next call fetches a new one. */
    public void invalidate(String token) {
        Cached now = cached;
        if (now != null && now.token().equals(token)) {
            cached = null;
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
            throw new ServiceTokenUnavailable("no service token from user-service: " + ex.getMessage(), ex);
        }
        if (grant == null || grant.accessToken() == null || grant.expiresIn() <= 0) {
            throw new ServiceTokenUnavailable("user-service answered the token request without a usable token");
        }
        Duration lifetime = Duration.ofSeconds(grant.expiresIn());
        Duration keep = lifetime.minus(settings.refreshBeforeExpiry());
        if (keep.compareTo(lifetime.dividedBy(2)) < 0) {
            // a short-lived token is renewed half-way, never used until its last moment
            keep = lifetime.dividedBy(2);
        }
        return new Cached(grant.accessToken(), asked.plus(keep));
    }
}
