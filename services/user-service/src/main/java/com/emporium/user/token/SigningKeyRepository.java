package com.emporium.user.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Signing keys in PostgreSQL: the current one and those retired recently enough to still verify. */
@Repository
class SigningKeyRepository {

    /** A key as stored: the public part in X.509 DER, the private part in encrypted PKCS#8. */
    record StoredKey(String kid, String algorithm, byte[] publicKey, byte[] privateKeyEncrypted,
            Instant createdAt, @Nullable Instant retiredAt) {
    }

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current key and every key retired after {@code retiredAfter}, newest first. */
    List<StoredKey> usable(Instant retiredAfter) {
        return jdbc.sql("""
                SELECT * FROM signing_keys WHERE retired_at IS NULL OR retired_at > :after
                ORDER BY created_at DESC
                """)
                .param("after", Timestamp.from(retiredAfter))
                .query((rs, row) -> new StoredKey(rs.getString("kid"), rs.getString("algorithm"),
                        rs.getBytes("public_key"), rs.getBytes("private_key_encrypted"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    /** Serializes rotations across replicas until the transaction ends. */
    void lockForRotation() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('emporium.user-service.signing-keys'))")
                .query((rs, row) -> 1).single();
    }

    @Nullable Instant currentCreatedAt() {
        return jdbc.sql("SELECT created_at FROM signing_keys WHERE retired_at IS NULL")
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).optional().orElse(null);
    }

    void retireCurrent(Instant now) {
        jdbc.sql("UPDATE signing_keys SET retired_at = :now WHERE retired_at IS NULL")
                .param("now", Timestamp.from(now)).update();
    }

    void insert(StoredKey key) {
        jdbc.sql("""
                INSERT INTO signing_keys (kid, algorithm, public_key, private_key_encrypted, created_at)
                VALUES (:kid, :algorithm, :publicKey, :privateKey, :createdAt)
                """)
                .param("kid", key.kid()).param("algorithm", key.algorithm())
                .param("publicKey", key.publicKey()).param("privateKey", key.privateKeyEncrypted())
                .param("createdAt", Timestamp.from(key.createdAt()))
                .update();
    }
}
