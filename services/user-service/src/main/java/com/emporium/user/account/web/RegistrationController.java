package com.emporium.user.account.web;

import com.emporium.user.account.AccountService;
import com.emporium.user.account.Role;
import com.emporium.user.account.UserProfile;
import com.emporium.user.throttle.Throttles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

    private final AccountService accounts;
    private final Throttles throttles;

    RegistrationController(AccountService accounts, Throttles throttles) {
        this.accounts = accounts;
        this.throttles = throttles;
    }

    @PostMapping("/api/auth/register")
    ResponseEntity<UserProfile> register(@Valid @RequestBody RegistrationRequest request,
            HttpServletRequest http) {
        throttles.registration(http.getRemoteAddr());
        var user = accounts.register(request.email(), request.password(), request.displayName(),
                Set.of(Role.CUSTOMER));
        return ResponseEntity.created(URI.create("/api/users/me")).body(UserProfile.of(user));
    }
}
