package com.emporium.gateway.security;

import com.emporium.gateway.GatewayProperties;
import com.emporium.gateway.problem.Unavailable;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * user-service's public keys, fetched from its JWKS and cached. A token whose {@code kid} is not in the cache
 * makes the gateway fetch the set again (a key was rotated in), but at most once per
 * {@code refetch-min-interval}, so tokens with made-up key ids cannot turn the gateway into a flood of JWKS
 * fetches: a token naming an unknown key within that interval waits for the next fetch allowed (a key rotated
 * in just then is still accepted). Concurrent fetches share one call. A set older than {@code max-age} is refreshed in the background
 * while the cached one keeps serving, so a key user-service dropped stops verifying within that age.
 */
public final class JwksCache {

    private static final Logger log = LoggerFactory.getLogger(JwksCache.class);

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    private final WebClient client;
    private final String uri;
    private final GatewayProperties.Jwks settings;
    private final Clock clock;
    private final AtomicReference<@Nullable Snapshot> current = new AtomicReference<>();
    private final AtomicReference<@Nullable Mono<Snapshot>> inFlight = new AtomicReference<>();
    private volatile Instant lastFetchStarted = Instant.EPOCH;

    public JwksCache(WebClient client, String uri, GatewayProperties.Jwks settings, Clock clock) {
        this.client = client;
        this.uri = uri;
        this.settings = settings;
        this.clock = clock;
    }

    /** The key the token names; empty when the JWKS does not hold it even after a fetch allowed now. */
    public Flux<JWK> keysFor(SignedJWT token) {
        String kid = token.getHeader().getKeyID();
        Snapshot snapshot = current.get();
        if (snapshot == null) {
            if (inFlight.get() == null && !mayFetchAgain()) {
                // the last attempt failed moments ago: do not hammer a user-service that is down
                return Flux.error(new JwksUnavailable("the JWKS at " + uri + " could not be fetched", null));
            }
            return fetch().flatMapMany(fresh -> select(fresh, kid));
        }
        if (clock.instant().isAfter(snapshot.fetchedAt().plus(settings.maxAge())) && mayFetchAgain()) {
            fetch().subscribe(fresh -> { }, error -> log.warn("JWKS refresh failed: {}", error.toString()));
        }
        JWK key = kid == null ? null : snapshot.keys().getKeyByKeyId(kid);
        if (key != null) {
            return Flux.just(key);
        }
        Mono<Snapshot> running = inFlight.get();
        if (running != null) {
            return running.flatMapMany(fresh -> select(fresh, kid));
        }
        if (mayFetchAgain()) {
            return fetch().flatMapMany(fresh -> select(fresh, kid));
        }
        // A key rotated in moments after another fetch: wait for the next fetch allowed rather than refuse a
        // valid token. A made-up kid waits too, and all that wait share that one fetch.
        Duration wait = Duration.between(clock.instant(), lastFetchStarted.plus(settings.refetchMinInterval()));
        return Mono.delay(wait.isNegative() ? Duration.ZERO : wait)
                .then(Mono.defer(() -> inFlight.get() != null ? inFlight.get() : fetch()))
                .flatMapMany(fresh -> select(fresh, kid));
    }

    /** At most one fetch per {@code refetch-min-interval}, whatever asks for it and whether it worked. */
    private boolean mayFetchAgain() {
        return Duration.between(lastFetchStarted, clock.instant()).compareTo(settings.refetchMinInterval()) >= 0;
    }

    private static Flux<JWK> select(Snapshot snapshot, @Nullable String kid) {
        JWK key = kid == null ? null : snapshot.keys().getKeyByKeyId(kid);
        return key == null ? Flux.empty() : Flux.just(key);
    }

    /**
     * The fetch in flight, or a new one when one is allowed; else the latest keys, which a caller racing this one
     * fetched moments ago. One decision at a time: two callers that both found no fetch running must not both
     * start one (the second could come after the first had already finished).
     */
    private synchronized Mono<Snapshot> fetch() {
        Mono<Snapshot> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Snapshot latest = current.get();
        if (latest != null && !mayFetchAgain()) {
            return Mono.just(latest);
        }
        lastFetchStarted = clock.instant();
        AtomicReference<@Nullable Mono<Snapshot>> self = new AtomicReference<>();
        Mono<Snapshot> call = client.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(settings.timeout())
                .map(this::parse)
                // cleared before the keys go downstream: a caller that sees the new keys must never find this
                // finished fetch still in flight and take its (older) answer for a later kid
                .doOnNext(fresh -> {
                    current.set(fresh);
                    inFlight.compareAndSet(self.get(), null);
                })
                .onErrorMap(error -> !(error instanceof JwtException),
                        error -> new JwksUnavailable("cannot fetch the JWKS from " + uri + ": " + error, error))
                .doFinally(signal -> inFlight.compareAndSet(self.get(), null))
                .cache();
        self.set(call);
        inFlight.set(call);
        return call;
    }

    private Snapshot parse(String body) {
        try {
            return new Snapshot(JWKSet.parse(body), clock.instant());
        } catch (ParseException ex) {
            throw new JwksUnavailable("the JWKS from " + uri + " cannot be parsed", ex);
        }
    }

    /** The keys cannot be had: verification cannot happen, which is not the token's fault (503, not 401). */
    static final class JwksUnavailable extends JwtException implements Unavailable {
        JwksUnavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
