package com.emporium.user.auth;

import com.emporium.user.UserServiceProperties;
import com.emporium.user.account.PasswordHashing;
import com.emporium.user.account.Role;
import com.emporium.user.account.User;
import com.emporium.user.account.UserRepository;
import com.emporium.user.throttle.Throttles;
import com.emporium.user.token.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login, refresh and logout. A login opens a refresh-token family; each refresh uses up its token and
 * issues the next one of the family. Presenting a token that was already used means a copy exists
 * somewhere, so the whole family is revoked and both holders must log in again. Every refresh, reuse check
 * and logout first locks the family's row, so they happen one after another for one family: a revocation
 * cannot miss a successor that a racing refresh is still writing. One exception to reuse: a token presented
 * again within the reuse grace of its rotation, while its successor has never been used, is taken for a client
 * that never received the answer (a page reloaded mid-refresh); its unused successor is superseded and a new one
 * issued. Should the successor turn up later after all, it was received by someone, so one of the two holders has
 * a copy: that is reuse, and revokes the family. A thief who presents a copy within the grace therefore gets in
 * only until the customer's next refresh; past the grace, or once the successor was used, reuse revokes the
 * family at once.
 */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHashing passwords;
    private final Throttles throttles;
    private final TokenIssuer issuer;
    private final TransactionTemplate transactions;
    private final UserServiceProperties.Tokens settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AuthService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHashing passwords,
            Throttles throttles, TokenIssuer issuer, TransactionTemplate transactions,
            UserServiceProperties properties, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.throttles = throttles;
        this.issuer = issuer;
        this.transactions = transactions;
        this.settings = properties.tokens();
        this.clock = clock;
    }

    public LoginOutcome login(String email, String password, String clientAddress) {
        String normalized = User.normalizeEmail(email);
        throttles.loginAttempt(clientAddress);
        // every attempt spends one of the account's allowance before the password is checked, so parallel
        // guesses cannot all slip past the limit; a success gives the allowance back
        throttles.accountAttempt(normalized);
        Optional<User> found = users.findByEmail(normalized);
        boolean matches = passwords.matches(password, found.map(User::passwordHash).orElse(null));
        if (!matches) {
            return new LoginOutcome.InvalidCredentials();
        }
        User user = found.orElseThrow();
        if (user.disabled()) {
            return new LoginOutcome.InvalidCredentials();
        }
        throttles.loginSucceeded(normalized);
        if (passwords.needsRehash(user.passwordHash())) {
            users.updatePasswordHash(user.id(), passwords.hash(password), clock.instant());
        }
        Session session = transactions.execute(status -> {
            Instant now = clock.instant();
            UUID family = UUID.randomUUID();
            refreshTokens.createFamily(family, user.id(), now, now.plus(settings.sessionMaxLifetime()));
            return openSession(user, family, now.plus(settings.sessionMaxLifetime()));
        });
        return new LoginOutcome.LoggedIn(user, session);
    }

    public RefreshOutcome refresh(@Nullable String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return new RefreshOutcome.Rejected("no refresh token");
        }
        byte[] hash = hash(refreshToken);
        return transactions.execute(status -> {
            Optional<RefreshTokenRepository.Family> family = refreshTokens.familyOf(hash)
                    .flatMap(refreshTokens::lockFamily);
            if (family.isEmpty()) {
                return new RefreshOutcome.Rejected("unknown");
            }
            Instant now = clock.instant();
            Optional<RefreshTokenRepository.Stored> found = refreshTokens.find(hash);
            if (found.isEmpty()) {
                return new RefreshOutcome.Rejected("unknown"); // purged between the lookup and the lock
            }
            RefreshTokenRepository.Stored token = found.get();
            if (family.get().revoked()) {
                return new RefreshOutcome.Rejected("revoked");
            }
            boolean lostRotation = token.used() && !token.superseded() && successorNeverReachedClient(token, now);
            if ((token.used() || token.superseded()) && !lostRotation) {
                refreshTokens.revokeFamily(token.familyId(), now);
                log.warn("A used refresh token was presented again; revoked its family for user {}",
                        token.userId());
                return new RefreshOutcome.ReuseDetected();
            }
            if (!token.expiresAt().isAfter(now) || !family.get().expiresAt().isAfter(now)) {
                return new RefreshOutcome.Rejected("expired");
            }
            if (lostRotation) {
                // the successor it was exchanged for never arrived: it is superseded (presenting it later is reuse),
                // and a new one takes its place
                refreshTokens.supersedeUnused(token.familyId(), now);
                log.info("A refresh token was presented again within {} of its rotation, before its successor was "
                        + "ever used; the session of user {} goes on", settings.refreshReuseGrace(), token.userId());
            } else {
                refreshTokens.markUsed(token.id(), now);
            }
            Optional<User> user = users.findById(token.userId());
            if (user.isEmpty() || user.get().disabled()) {
                refreshTokens.revokeFamily(token.familyId(), now);
                return new RefreshOutcome.Rejected("account disabled");
            }
            return new RefreshOutcome.Refreshed(user.get(),
                    openSession(user.get(), token.familyId(), family.get().expiresAt()));
        });
    }

    /**
     * Whether a used token comes back because the answer to its refresh was lost (the page was reloaded while the
     * request was in flight), rather than because a copy of it exists: it was used within the grace, and no token of
     * its family was used after it, so its successor never reached anyone. Called with the family locked.
     */
    private boolean successorNeverReachedClient(RefreshTokenRepository.Stored token, Instant now) {
        Instant usedAt = Objects.requireNonNull(token.usedAt());
        return !settings.refreshReuseGrace().isZero()
                && now.isBefore(usedAt.plus(settings.refreshReuseGrace()))
                && refreshTokens.lastUse(token.familyId()).filter(usedAt::equals).isPresent();
    }

    /** Ends the session that {@code refreshToken} belongs to; unknown or missing tokens are fine. */
    public void logout(@Nullable String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        transactions.executeWithoutResult(status -> refreshTokens.familyOf(hash(refreshToken))
                .flatMap(refreshTokens::lockFamily)
                .ifPresent(family -> refreshTokens.revokeFamily(family.id(), clock.instant())));
    }

    /** A new access token, and the family's next refresh token (never outliving the family). */
    private Session openSession(User user, UUID familyId, Instant familyExpiresAt) {
        Instant now = clock.instant();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(settings.refreshTokenTtl());
        if (familyExpiresAt.isBefore(expiresAt)) {
            expiresAt = familyExpiresAt;
        }
        refreshTokens.insert(familyId, user.id(), hash(refreshToken), now, expiresAt);
        var access = issuer.issue(user.id().toString(), user.roles().stream().sorted().map(Role::wireName).toList(),
                settings.accessTokenTtl());
        return new Session(access, refreshToken, java.time.Duration.between(now, expiresAt));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
