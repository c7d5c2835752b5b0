package com.emporium.user.account;

import com.emporium.platform.web.ProblemException;
import com.emporium.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** No account has the given id. */
public final class UserNotFound extends ProblemException {

    public UserNotFound(UserId id) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found", "No user has the id " + id + ".");
    }
}
