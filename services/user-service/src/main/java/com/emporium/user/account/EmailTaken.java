package com.emporium.user.account;

import com.emporium.platform.web.ProblemException;
import com.emporium.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** Registration with an email that already has an account. */
public final class EmailTaken extends ProblemException {

    public EmailTaken() {
        super(HttpStatus.CONFLICT, ProblemTypes.of("email-taken"), "Email Taken",
                "An account with this email already exists.");
    }
}
