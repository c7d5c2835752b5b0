package com.emporium.user.account;

import com.emporium.platform.web.ProblemException;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.user.UserServiceProperties;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashing (Spring Security's encoder on BouncyCastle). Each hash takes the configured memory, so
 * only a few run at once, and a hash that cannot start within {@code queueTimeout} answers 503: a flood of
 * logins is shed instead of queueing without bound. Checking a password for an email that has no account
 * costs the same as checking a wrong one, so timing does not reveal which emails are registered.
 */
@Component
public class PasswordHashing {

    private final Argon2PasswordEncoder encoder;
    private final Semaphore permits;
    private final Duration queueTimeout;
    private final CompletableFuture<String> unknownAccountHash;

    PasswordHashing(UserServiceProperties properties) {
        UserServiceProperties.Passwords p = properties.passwords();
        this.encoder = new Argon2PasswordEncoder(16, 32, p.parallelism(), p.memoryKib(), p.iterations());
        this.permits = new Semaphore(p.maxConcurrentHashes(), true);
        this.queueTimeout = p.queueTimeout();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // made beside start-up, not in its way: the first hash of a JVM runs cold and takes a good part of a second
        this.unknownAccountHash = CompletableFuture.supplyAsync(
                () -> encoder.encode(Base64.getEncoder().encodeToString(random)),
                runnable -> Thread.ofVirtual().name("argon2-warm-up").start(runnable));
    }

    public String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    /** Whether {@code password} matches {@code hash}; with no hash (no such account) it costs the same and fails. */
    public boolean matches(String password, @Nullable String hash) {
        boolean matches = bounded(() -> encoder.matches(password, hash == null ? unknownAccountHash.join() : hash));
        return hash != null && matches;
    }

    /** Whether a stored hash was made with weaker parameters than today's and should be made again. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HashingBusy();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new HashingBusy();
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** More logins and registrations arrive than the hashing capacity serves: shed them with 503. */
    static final class HashingBusy extends ProblemException {

        HashingBusy() {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "Too many logins at once; please try again shortly.");
            retryAfter(Duration.ofSeconds(2));
        }
    }
}
