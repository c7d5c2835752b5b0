package com.emporium.user.auth;

import com.emporium.user.account.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh tokens, stored only as SHA-256 hashes. */
@Repository
class RefreshTokenRepository {

    /** A row found by its hash. */
    record Stored(UUID id, UUID familyId, UserId userId, boolean used, boolean revoked, boolean expired) {
    }

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /**
     * Marks the token used if it is live (not used, revoked or expired), atomically: of two requests racing
     * with one token, exactly one gets it.
     */
    Optional<Stored> use(byte[] hash, Instant now) {
        return jdbc.sql("""
                UPDATE refresh_tokens SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                RETURNING id, family_id, user_id
                """)
                .param("hash", hash).param("now", Timestamp.from(now))
                .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)), false, false, false))
                .optional();
    }

    Optional<Stored> find(byte[] hash, Instant now) {
        return jdbc.sql("SELECT * FROM refresh_tokens WHERE token_hash = :hash")
                .param("hash", hash)
                .query((rs, row) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)), rs.getTimestamp("used_at") != null,
                        rs.getTimestamp("revoked_at") != null, !rs.getTimestamp("expires_at").toInstant().isAfter(now)))
                .optional();
    }

    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("family", familyId).update();
    }

    int revokeAllOf(UserId userId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("user", userId.value()).update();
    }

    /** Deletes tokens that expired before {@code before}; a reused expired token is refused either way. */
    int purgeExpired(Instant before) {
        return jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :before")
                .param("before", Timestamp.from(before)).update();
    }
}
