package com.emporium.user.throttle;

import com.emporium.platform.web.ProblemException;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.RateLimited;
import com.emporium.user.UserServiceProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The limits on logins and registrations, as Bucket4j token buckets in Redis (shared by all replicas):
 * <ul>
 * <li>per account: {@code accountFailures.limit} failed logins per window; once spent, every login to that
 * account — even with the right password — answers 429 until the bucket refills, gradually (one attempt
 * every window / limit: 3 minutes for 5 per 15 minutes), so no more than the limit fit in any window;</li>
 * <li>per client address: {@code loginPerAddress.limit} login attempts per window, and
 * {@code registerPerAddress.limit} registrations per window (refilled gradually).</li>
 * </ul>
 * Account keys are hashed emails, so Redis never holds an email. When Redis cannot be reached, logins and
 * registrations answer 503 rather than go unthrottled.
 */
@Component
public class Throttles {

    private final UserServiceProperties.Throttle settings;
    private final RedisConnection redis;
    private volatile @Nullable ProxyManager<String> buckets;

    Throttles(UserServiceProperties properties, RedisConnection redis) {
        this.settings = properties.throttle();
        this.redis = redis;
    }

    /** Counts one login attempt from {@code address}; throws {@link RateLimited} past the limit. */
    public void loginAttempt(String address) {
        consume("login-address:" + address, gradual(settings.loginPerAddress()),
                "Too many login attempts from your address.");
    }

    /** Counts one registration from {@code address}; throws {@link RateLimited} past the limit. */
    public void registration(String address) {
        consume("register-address:" + address, gradual(settings.registerPerAddress()),
                "Too many registrations from your address.");
    }

    /**
     * Spends one of the account's login allowance, before the password is checked (so that parallel guesses
     * cannot all pass); throws {@link RateLimited} when it is spent. {@link #loginSucceeded} gives it back.
     */
    public void accountAttempt(String normalizedEmail) {
        ConsumptionProbe probe = guarded(() -> account(normalizedEmail).tryConsumeAndReturnRemaining(1));
        if (!probe.isConsumed()) {
            throw new RateLimited("Too many failed logins for this account; try again later.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Counts one client-credentials request from {@code address}; throws {@link RateLimited} past the limit. */
    public void tokenRequest(String address) {
        consume("token-address:" + address, gradual(settings.loginPerAddress()),
                "Too many token requests from your address.");
    }

    /** A successful login forgives earlier failures. */
    public void loginSucceeded(String normalizedEmail) {
        guarded(() -> {
            buckets().removeProxy(accountKey(normalizedEmail));
            return null;
        });
    }

    private void consume(String key, BucketConfiguration configuration, String detail) {
        ConsumptionProbe probe = guarded(() ->
                buckets().getProxy(key, () -> configuration).tryConsumeAndReturnRemaining(1));
        if (!probe.isConsumed()) {
            throw new RateLimited(detail, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private BucketProxy account(String normalizedEmail) {
        return buckets().getProxy(accountKey(normalizedEmail), () -> gradual(settings.accountFailures()));
    }

    private static BucketConfiguration gradual(UserServiceProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.limit()).refillGreedy(limit.limit(), limit.window())
                        .build())
                .build();
    }

    private static String accountKey(String normalizedEmail) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalizedEmail.getBytes(StandardCharsets.UTF_8));
            return "login-account:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current == null) {
            synchronized (this) {
                current = buckets;
                if (current == null) {
                    String prefix = settings.keyPrefix();
                    current = Bucket4jLettuce.casBasedBuilder(redis.get())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build()
                            .withMapper((String key) -> prefix + key);
                    buckets = current;
                }
            }
        }
        return current;
    }

    private <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (RedisException ex) {
            throw new ThrottleUnavailable();
        }
    }

    /** Redis, which keeps the throttles, cannot be reached. */
    static final class ThrottleUnavailable extends ProblemException {

        ThrottleUnavailable() {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "Logins are briefly unavailable; please try again shortly.");
            retryAfter(Duration.ofSeconds(5));
        }
    }
}
