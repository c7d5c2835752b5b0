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
 * somewhere, so the whole family is revoked and both holders must log in again.
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
        throttles.accountNotLocked(normalized);
        Optional<User> found = users.findByEmail(normalized);
        boolean matches = passwords.matches(password, found.map(User::passwordHash).orElse(null));
        if (!matches) {
            throttles.loginFailed(normalized);
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
        Session session = transactions.execute(status -> openSession(user, UUID.randomUUID()));
        return new LoginOutcome.LoggedIn(user, session);
    }

    public RefreshOutcome refresh(@Nullable String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return new RefreshOutcome.Rejected("no refresh token");
        }
        byte[] hash = hash(refreshToken);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            var live = refreshTokens.use(hash, now);
            if (live.isPresent()) {
                Optional<User> user = users.findById(live.get().userId());
                if (user.isEmpty() || user.get().disabled()) {
                    refreshTokens.revokeFamily(live.get().familyId(), now);
                    return new RefreshOutcome.Rejected("account disabled");
                }
                return new RefreshOutcome.Refreshed(user.get(), openSession(user.get(), live.get().familyId()));
            }
            var stored = refreshTokens.find(hash, now);
            if (stored.isPresent() && stored.get().used() && !stored.get().revoked()) {
                int revoked = refreshTokens.revokeFamily(stored.get().familyId(), now);
                log.warn("A used refresh token was presented again; revoked its family ({} live tokens) for user {}",
                        revoked, stored.get().userId());
                return new RefreshOutcome.ReuseDetected();
            }
            return new RefreshOutcome.Rejected(stored.isEmpty() ? "unknown" : "expired or revoked");
        });
    }

    /** Ends the session that {@code refreshToken} belongs to; unknown or missing tokens are fine. */
    public void logout(@Nullable String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        transactions.executeWithoutResult(status -> refreshTokens.find(hash(refreshToken), clock.instant())
                .ifPresent(stored -> refreshTokens.revokeFamily(stored.familyId(), clock.instant())));
    }

    private Session openSession(User user, UUID familyId) {
        Instant now = clock.instant();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.insert(familyId, user.id(), hash(refreshToken), now, now.plus(settings.refreshTokenTtl()));
        var access = issuer.issue(user.id().toString(), user.roles().stream().sorted().map(Role::wireName).toList(),
                settings.accessTokenTtl());
        return new Session(access, refreshToken, settings.refreshTokenTtl());
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
