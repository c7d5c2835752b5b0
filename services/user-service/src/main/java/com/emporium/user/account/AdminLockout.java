package com.emporium.user.account;

import com.emporium.platform.web.ProblemException;
import com.emporium.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** A change that would leave an admin, or the platform, without admin access. */
public final class AdminLockout extends ProblemException {

    public AdminLockout(String detail) {
        super(HttpStatus.CONFLICT, ProblemTypes.of("admin-lockout"), "Admin Lockout", detail);
    }
}
