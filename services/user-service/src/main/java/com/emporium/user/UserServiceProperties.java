package com.emporium.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Everything user-service can be told, validated at start-up. */
@Validated
@ConfigurationProperties("emporium.user")
public record UserServiceProperties(
        @Valid @NotNull Tokens tokens,
        @Valid @NotNull RefreshCookie refreshCookie,
        @Valid @NotNull Passwords passwords,
        @Valid @NotNull Throttle throttle,
        @Valid @NotNull Admin admin,
        @Valid @DefaultValue List<Client> clients) {

    @AssertTrue(message = "emporium.user.clients must not name one client id twice")
    public boolean isEveryClientIdUnique() {
        return clients == null || clients.stream().map(Client::id).distinct().count() == clients.size();
    }

    /**
     * @param keyRotationInterval a new signing key replaces the current one when it is this old
     * @param keyRotationCheck how often a replica looks whether rotation is due
     * @param previousKeyRetention how long a retired key stays in the JWKS (more than the access-token TTL)
     * @param keyCacheRefresh how stale a replica's copy of the keys may get before it reads them again
     * @param keyEncryptionKey base64 of the 32-byte AES key that encrypts private keys at rest
     * @param sessionMaxLifetime how long a login's session may be kept alive by refreshing, at most
     * @param refreshReuseGrace how long after a refresh its token may be presented again, when the answer that
     *     carried its successor never reached the client (0: never)
     */
    public record Tokens(@NotNull Duration accessTokenTtl, @NotNull Duration refreshTokenTtl,
            @NotNull Duration sessionMaxLifetime, @NotNull Duration refreshReuseGrace,
            @NotNull Duration keyRotationInterval, @NotNull Duration keyRotationCheck,
            @NotNull Duration previousKeyRetention, @NotNull Duration keyCacheRefresh,
            @NotBlank String keyEncryptionKey) {

        /** A retired key must keep verifying for as long as a token it signed can live. */
        @AssertTrue(message = "previous-key-retention must be longer than access-token-ttl")
        public boolean isRetentionLongerThanTokens() {
            return previousKeyRetention == null || accessTokenTtl == null
                    || previousKeyRetention.compareTo(accessTokenTtl) > 0;
        }
    }

    public record RefreshCookie(@NotBlank String name, @NotBlank String path, boolean secure) {
    }

    /** Argon2id parameters, and how many hashes may run at once (each takes {@code memoryKib} of heap). */
    public record Passwords(@Min(8192) int memoryKib, @Min(1) int iterations, @Min(1) int parallelism,
            @Min(1) int maxConcurrentHashes, @NotNull Duration queueTimeout) {
    }

    public record Throttle(@NotBlank String redisUrl, @NotNull Duration redisTimeout, @NotNull String keyPrefix,
            @Valid @NotNull Limit accountFailures, @Valid @NotNull Limit loginPerAddress,
            @Valid @NotNull Limit registerPerAddress) {
    }

    /** At most {@code limit} events per {@code window}. */
    public record Limit(@Min(1) int limit, @NotNull Duration window) {
    }

    public record Admin(@NotBlank String email, @NotBlank String password, @NotBlank String displayName) {
    }

    /** A service that may ask for a client-credentials token (role {@code service}). */
    public record Client(@NotBlank String id, @NotBlank String secret) {
    }
}
