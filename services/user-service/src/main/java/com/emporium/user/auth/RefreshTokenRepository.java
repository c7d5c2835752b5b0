package com.emporium.user.auth;

import com.emporium.user.account.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens, stored only as SHA-256 hashes, and their families. Whoever changes a family's tokens locks
 * the family row first ({@link #lockFamily}); the family's {@code revoked_at} is what revocation means.
 */
@Repository
class RefreshTokenRepository {

    /**
     * A token found by its hash; {@code usedAt} is when it was exchanged for its successor, {@code superseded} whether
     * it was replaced before its holder ever received it.
     */
    record Stored(UUID id, UUID familyId, UserId userId, @Nullable Instant usedAt, boolean superseded,
            Instant expiresAt) {

        boolean used() {
            return usedAt != null;
        }
    }

    /** A family, read under its row lock. */
    record Family(UUID id, boolean revoked, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void createFamily(UUID familyId, UserId userId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO refresh_token_families (id, user_id, created_at, expires_at)
                VALUES (:id, :user, :now, :expires)
                """)
                .param("id", familyId).param("user", userId.value()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    void insert(UUID familyId, UserId userId, byte[] hash, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)
                VALUES (:id, :family, :user, :hash, :issued, :expires)
                """)
                .param("id", UUID.randomUUID()).param("family", familyId).param("user", userId.value())
                .param("hash", hash).param("issued", Timestamp.from(issuedAt))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    Optional<UUID> familyOf(byte[] hash) {
        return jdbc.sql("SELECT family_id FROM refresh_tokens WHERE token_hash = :hash").param("hash", hash)
                .query(UUID.class).optional();
    }

    /** Locks the family until the transaction ends; empty if it no longer exists. */
    Optional<Family> lockFamily(UUID familyId) {
        return jdbc.sql("SELECT id, revoked_at, expires_at FROM refresh_token_families WHERE id = :id FOR UPDATE")
                .param("id", familyId)
                .query((rs, row) -> new Family(rs.getObject("id", UUID.class), rs.getTimestamp("revoked_at") != null,
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** The token as it is now; read after its family is locked, so no one else is changing it. */
    Optional<Stored> find(byte[] hash) {
        return jdbc.sql("SELECT * FROM refresh_tokens WHERE token_hash = :hash")
                .param("hash", hash)
                .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)), instant(rs.getTimestamp("used_at")),
                        rs.getTimestamp("superseded_at") != null, rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    void markUsed(UUID tokenId, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", tokenId).update();
    }

    /** When a token of the family was last exchanged for its successor, if ever. */
    Optional<Instant> lastUse(UUID familyId) {
        return Optional.ofNullable(instant(jdbc.sql("SELECT max(used_at) FROM refresh_tokens WHERE family_id = :id")
                .param("id", familyId).query(Timestamp.class).single()));
    }

    /**
     * Marks the family's tokens that were issued but never used as superseded: no longer good for a refresh, and
     * kept so that presenting one is recognised as reuse. Answers how many.
     */
    int supersedeUnused(UUID familyId, Instant now) {
        return jdbc.sql("""
                UPDATE refresh_tokens SET superseded_at = :now
                WHERE family_id = :id AND used_at IS NULL AND superseded_at IS NULL
                """)
                .param("now", Timestamp.from(now)).param("id", familyId).update();
    }

    void revokeFamily(UUID familyId, Instant now) {
        jdbc.sql("UPDATE refresh_token_families SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", familyId).update();
    }

    int revokeAllOf(UserId userId, Instant now) {
        return jdbc.sql("""
                UPDATE refresh_token_families SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL
                """)
                .param("now", Timestamp.from(now)).param("user", userId.value()).update();
    }

    /** Deletes families (and their tokens) whose whole life ended before {@code before}, and dead tokens. */
    int purgeExpired(Instant before) {
        int families = jdbc.sql("DELETE FROM refresh_token_families WHERE expires_at < :before")
                .param("before", Timestamp.from(before)).update();
        return families + jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
