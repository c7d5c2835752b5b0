package com.emporium.user.auth.web;

import com.emporium.platform.web.ProblemException;
import com.emporium.platform.problem.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The 401s of the auth endpoints; as every 401 must (RFC 9110), they carry a challenge. */
final class AuthProblems {

    private AuthProblems() {
    }

    static final class InvalidCredentials extends ProblemException {
        InvalidCredentials() {
            super(HttpStatus.UNAUTHORIZED, ProblemTypes.of("invalid-credentials"), "Invalid Credentials",
                    "The email or password is wrong.");
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
    }

    static final class InvalidRefreshToken extends ProblemException {
        InvalidRefreshToken() {
            super(HttpStatus.UNAUTHORIZED, ProblemTypes.of("invalid-refresh-token"), "Invalid Refresh Token",
                    "The session has ended; please log in again.");
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
    }
}
