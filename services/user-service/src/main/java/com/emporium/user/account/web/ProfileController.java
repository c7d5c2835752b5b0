package com.emporium.user.account.web;

import com.emporium.user.account.AccountService;
import com.emporium.user.account.UserId;
import com.emporium.user.account.UserProfile;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: who it is is the token's subject, never a parameter. */
@RestController
@RequestMapping("/api/users/me")
class ProfileController {

    private final AccountService accounts;

    ProfileController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    UserProfile me(@AuthenticationPrincipal Jwt token) {
        return UserProfile.of(accounts.profile(caller(token)));
    }

    @PutMapping
    UserProfile update(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileUpdate update) {
        return UserProfile.of(accounts.changeDisplayName(caller(token), update.displayName()));
    }

    static UserId caller(Jwt token) {
        return new UserId(UUID.fromString(token.getSubject()));
    }
}
