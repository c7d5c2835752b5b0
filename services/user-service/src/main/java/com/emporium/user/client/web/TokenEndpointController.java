package com.emporium.user.client.web;

import com.emporium.platform.web.ProblemException;
import com.emporium.platform.problem.ProblemTypes;
import com.emporium.user.client.ServiceClients;
import com.emporium.user.throttle.Throttles;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint (RFC 6749 §4.4), client-credentials grant only. Clients authenticate with HTTP
 * Basic (preferred) or with client_id and client_secret in the form. The answer uses OAuth2's own field
 * names so that standard OAuth2 clients read it; errors are problem+json that also carry OAuth2's
 * {@code error} code. Requests are throttled per client address like logins.
 */
@RestController
class TokenEndpointController {

    record TokenGrant(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {
    }

    private final ServiceClients clients;
    private final Throttles throttles;

    TokenEndpointController(ServiceClients clients, Throttles throttles) {
        this.clients = clients;
        this.throttles = throttles;
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenGrant> token(@RequestParam(name = "grant_type", required = false) @Nullable String grantType,
            @RequestParam(name = "client_id", required = false) @Nullable String formClientId,
            @RequestParam(name = "client_secret", required = false) @Nullable String formSecret,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        throttles.tokenRequest(request.getRemoteAddr());
        if (request.getQueryString() != null && request.getQueryString().contains("client_secret")) {
            // RFC 6749 2.3.1: a secret in the URL ends up in access logs; refuse it rather than use it
            throw oauthError(HttpStatus.BAD_REQUEST, "validation", "invalid_request",
                    "client_secret must be sent in the request body or with HTTP Basic, never in the URL.");
        }
        if (grantType == null || grantType.isBlank()) {
            throw oauthError(HttpStatus.BAD_REQUEST, "validation", "invalid_request", "grant_type is required.");
        }
        if (!"client_credentials".equals(grantType)) {
            throw oauthError(HttpStatus.BAD_REQUEST, "unsupported-grant-type", "unsupported_grant_type",
                    "Only the client_credentials grant is supported.");
        }
        String[] credentials = basic(authorization);
        String clientId = credentials != null ? credentials[0] : formClientId;
        String secret = credentials != null ? credentials[1] : formSecret;
        if (clientId == null || secret == null) {
            throw invalidClient();
        }
        return clients.authenticate(clientId, secret)
                .map(token -> ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(new TokenGrant(token.value(), "Bearer", token.ttl().toSeconds())))
                .orElseThrow(TokenEndpointController::invalidClient);
    }

    private static String @Nullable [] basic(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static ProblemException invalidClient() {
        ProblemException problem = oauthError(HttpStatus.UNAUTHORIZED, "invalid-client", "invalid_client",
                "The client id or secret is wrong.");
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"emporium\"");
        return problem;
    }

    private static ProblemException oauthError(HttpStatus status, String type, String error, String detail) {
        ProblemException problem = new ProblemException(status, ProblemTypes.of(type),
                status.getReasonPhrase(), detail);
        problem.getBody().setProperty("error", error);
        return problem;
    }
}
