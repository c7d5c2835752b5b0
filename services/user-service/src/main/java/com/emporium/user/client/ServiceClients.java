package com.emporium.user.client;

import com.emporium.platform.token.Roles;
import com.emporium.user.UserServiceProperties;
import com.emporium.user.token.TokenIssuer;
import com.emporium.user.token.TokenIssuer.IssuedToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The services that may ask for a token of their own (OAuth2 client credentials), with the role
 * {@code service}. Secrets are compared by their SHA-256 digests in constant time.
 */
@Component
public class ServiceClients {

    private final Map<String, byte[]> secretDigests;
    private final TokenIssuer issuer;
    private final UserServiceProperties.Tokens settings;

    ServiceClients(UserServiceProperties properties, TokenIssuer issuer) {
        this.secretDigests = properties.clients().stream().collect(Collectors.toUnmodifiableMap(
                UserServiceProperties.Client::id, client -> digest(client.secret()), (a, b) -> b));
        this.issuer = issuer;
        this.settings = properties.tokens();
    }

    /** A token for the client, or empty when the id or secret is wrong. */
    public Optional<IssuedToken> authenticate(String clientId, String secret) {
        byte[] expected = secretDigests.get(clientId);
        boolean matches = MessageDigest.isEqual(expected == null ? digest("\0unknown") : expected, digest(secret));
        if (expected == null || !matches) {
            return Optional.empty();
        }
        return Optional.of(issuer.issue(clientId, List.of(Roles.SERVICE), settings.accessTokenTtl()));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
