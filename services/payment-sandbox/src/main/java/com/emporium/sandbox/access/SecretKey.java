package com.emporium.sandbox.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The merchant's secret key, compared in constant time: both sides are hashed to 32 bytes first, so neither the
 * key's length nor how much of a guess matches shows in how long a refusal takes.
 */
final class SecretKey {

    private final byte[] digest;

    SecretKey(String key) {
        this.digest = sha256(key);
    }

    boolean matches(String presented) {
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    @Override
    public String toString() {
        return "SecretKey[****]";
    }
}
