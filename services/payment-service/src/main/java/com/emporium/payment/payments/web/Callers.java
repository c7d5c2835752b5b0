package com.emporium.payment.payments.web;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The account an access token names: its subject. */
final class Callers {

    private Callers() {
    }

    /** @throws ProblemException 403 for a token whose subject is not an account (a service's, say) */
    static UUID customer(Jwt token) {
        try {
            return UUID.fromString(token.getSubject() == null ? "" : token.getSubject());
        } catch (IllegalArgumentException ex) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "Payments belong to customer accounts; this token names none.");
        }
    }
}
