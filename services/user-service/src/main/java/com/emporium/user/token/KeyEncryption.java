package com.emporium.user.token;

import com.emporium.user.UserServiceProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts signing keys' private parts at rest with AES-256-GCM (the JDK's implementation). The key id is
 * the associated data, so a ciphertext cannot be passed off as another key's.
 */
@Component
class KeyEncryption {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    KeyEncryption(UserServiceProperties properties) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(properties.tokens().keyEncryptionKey().strip());
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("emporium.user.tokens.key-encryption-key (JWT_KEY_ENCRYPTION_KEY) "
                    + "must be base64", ex);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("emporium.user.tokens.key-encryption-key (JWT_KEY_ENCRYPTION_KEY) "
                    + "must be 32 bytes, base64-encoded; it is " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    byte[] encrypt(byte[] plain, String kid) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot encrypt signing key", ex);
        }
    }

    byte[] decrypt(byte[] stored, String kid) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot decrypt signing key " + kid
                    + ": was JWT_KEY_ENCRYPTION_KEY changed?", ex);
        }
    }
}
