package com.emporium.e2e;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * user-service's current signing key, read from its database the way user-service stores it: the public part
 * as X.509 DER, the private part as PKCS#8 DER sealed with AES-256-GCM (a 12-byte IV first, then ciphertext and
 * a 128-bit tag; the kid is the associated data) under {@code JWT_KEY_ENCRYPTION_KEY}. Written here from that
 * description with the JDK's crypto: the tests share no class with the service.
 */
final class SigningKeys {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SigningKeys() {
    }

    /** The key user-service signs with now: the one row not retired. */
    static RSAKey current() {
        Platform platform = Platform.current();
        DatabaseUrl database = platform.userServiceDatabase();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT kid, public_key, private_key_encrypted FROM signing_keys WHERE retired_at IS NULL");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("user-service has no current signing key in " + database);
            }
            String kid = row.getString("kid");
            byte[] privateKey = decrypt(row.getBytes("private_key_encrypted"), kid, platform.keyEncryptionKey());
            return toJwk(kid, row.getBytes("public_key"), privateKey);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read user-service's signing key from " + database, e);
        }
    }

    private static byte[] decrypt(byte[] sealed, String kid, String keyEncryptionKey) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(keyEncryptionKey), "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt signing key " + kid + ": is JWT_KEY_ENCRYPTION_KEY the"
                    + " platform's? (e2e.env in its run folder, or the environment)", e);
        }
    }

    private static RSAKey toJwk(String kid, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(kid)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " is not an RSA key pair", e);
        }
    }
}
