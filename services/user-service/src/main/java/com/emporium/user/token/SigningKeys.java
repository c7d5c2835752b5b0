package com.emporium.user.token;

import com.emporium.user.UserServiceProperties;
import com.emporium.user.token.SigningKeyRepository.StoredKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RS256 keys that sign access tokens. They live in the database (private parts encrypted), so they
 * survive restarts and every replica signs and verifies with the same ones. Exactly one key is current;
 * a rotation retires it and makes a new one, and the retired key keeps verifying (and stays in the JWKS)
 * for {@code previousKeyRetention}. Each replica caches the keys and reads them again after
 * {@code keyCacheRefresh}, or at once when it meets a key id it does not know.
 */
@Component
public class SigningKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(1);

    /** The usable keys (the current one, if any, first), the current one's id, and when they were read. */
    private record Snapshot(List<RSAKey> keys, @Nullable String currentKid, Instant loadedAt) {
    }

    /** What an admin sees of a rotation. */
    public record KeyInfo(String kid, Instant createdAt) {
    }

    private final SigningKeyRepository repository;
    private final KeyEncryption encryption;
    private final TransactionTemplate transactions;
    private final UserServiceProperties.Tokens settings;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), null, Instant.EPOCH);

    SigningKeys(SigningKeyRepository repository, KeyEncryption encryption, TransactionTemplate transactions,
            UserServiceProperties properties, Clock clock) {
        this.repository = repository;
        this.encryption = encryption;
        this.transactions = transactions;
        this.settings = properties.tokens();
        this.clock = clock;
    }

    /**
     * Runs once every bean exists (Flyway has migrated) and before the web server takes requests, so no
     * request ever finds the service without a signing key.
     */
    @Override
    public void afterSingletonsInstantiated() {
        ensureCurrentKey();
    }

    /** Makes the first key when there is none (several replicas may start at once: one wins). */
    public void ensureCurrentKey() {
        transactions.executeWithoutResult(status -> {
            repository.lockForRotation();
            if (repository.currentCreatedAt() == null) {
                insertNewKey(clock.instant());
            }
        });
        reload();
    }

    /** Retires the current key and makes a new one now. */
    public KeyInfo rotate() {
        KeyInfo created = transactions.execute(status -> {
            repository.lockForRotation();
            Instant now = clock.instant();
            repository.retireCurrent(now);
            return insertNewKey(now);
        });
        reload();
        log.info("Signing key rotated; the current key is now {}", created.kid());
        return created;
    }

    /** Rotates when the current key is older than {@code keyRotationInterval}; one replica does it. */
    public Optional<KeyInfo> rotateIfDue() {
        Optional<KeyInfo> rotated = Optional.ofNullable(transactions.execute(status -> {
            repository.lockForRotation();
            Instant now = clock.instant();
            Instant created = repository.currentCreatedAt();
            if (created != null && created.plus(settings.keyRotationInterval()).isAfter(now)) {
                return null;
            }
            repository.retireCurrent(now);
            return insertNewKey(now);
        }));
        reload();
        rotated.ifPresent(key -> log.info("Signing key rotated on schedule; the current key is now {}", key.kid()));
        return rotated;
    }

    /** The key that signs new tokens. */
    public RSAKey current() {
        Snapshot keys = fresh();
        return keys.keys().stream()
                .filter(key -> key.getKeyID().equals(keys.currentKid()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no current signing key"));
    }

    /** The keys a token may be signed with: the current one and the recently retired ones. */
    public List<JWK> verificationKeys() {
        return List.copyOf(fresh().keys());
    }

    /** Reads the keys again when {@code kid} is unknown here (another replica may have rotated). */
    public List<JWK> verificationKeys(String kid) {
        Snapshot current = fresh();
        boolean known = current.keys().stream().anyMatch(key -> kid.equals(key.getKeyID()));
        if (!known && current.loadedAt().plus(MIN_RELOAD_GAP).isBefore(clock.instant())) {
            reload();
        }
        return verificationKeys();
    }

    /** The JWKS document: public parts only. */
    public JWKSet publicJwks() {
        return new JWKSet(verificationKeys()).toPublicJWKSet();
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        if (!stale(current)) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (!stale(current)) {
                return current;
            }
            try {
                return reload();
            } catch (DataAccessException ex) {
                if (current.keys().isEmpty()) {
                    throw ex;
                }
                // the database is briefly away: keep verifying and signing with the keys we have
                log.warn("Could not re-read the signing keys; keeping the ones read at {}", current.loadedAt());
                return current;
            }
        }
    }

    private boolean stale(Snapshot current) {
        return current.loadedAt().plus(settings.keyCacheRefresh()).isBefore(clock.instant());
    }

    private synchronized Snapshot reload() {
        Instant now = clock.instant();
        List<StoredKey> stored = repository.usable(now.minus(settings.previousKeyRetention()));
        String currentKid = stored.stream().filter(key -> key.retiredAt() == null).map(StoredKey::kid)
                .findFirst().orElse(null);
        List<RSAKey> keys = new java.util.ArrayList<>();
        for (StoredKey key : stored) {
            try {
                keys.add(toJwk(key));
            } catch (IllegalStateException refused) {
                // one bad row must not take the others down with it; it is neither published nor used
                log.error("Signing key {} is refused: {}", key.kid(), refused.getMessage());
                if (key.kid().equals(currentKid)) {
                    currentKid = null;
                }
            }
        }
        Snapshot loaded = new Snapshot(List.copyOf(keys), currentKid, now);
        snapshot = loaded;
        return loaded;
    }

    private KeyInfo insertNewKey(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build();
            String kid = jwk.computeThumbprint().toString();
            repository.insert(new StoredKey(kid, JWSAlgorithm.RS256.getName(), pair.getPublic().getEncoded(),
                    encryption.encrypt(pair.getPrivate().getEncoded(), kid), now, null));
            return new KeyInfo(kid, now);
        } catch (GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException("cannot make a signing key", ex);
        }
    }

    /**
     * The key pair from its stored form. The public key is derived from the decrypted (authenticated) private
     * key and must equal the stored one: a public key swapped in the database is refused, not published.
     */
    private RSAKey toJwk(StoredKey stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(encryption.decrypt(stored.privateKeyEncrypted(), stored.kid())));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            if (!java.util.Arrays.equals(publicKey.getEncoded(), stored.publicKey())) {
                throw new IllegalStateException("signing key " + stored.kid()
                        + ": the stored public key does not belong to its private key; refusing it");
            }
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(stored.kid())
                    .algorithm(JWSAlgorithm.parse(stored.algorithm())).keyUse(KeyUse.SIGNATURE)
                    .build();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot read signing key " + stored.kid(), ex);
        }
    }
}
