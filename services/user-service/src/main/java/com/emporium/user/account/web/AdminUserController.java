package com.emporium.user.account.web;

import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import com.emporium.user.account.AccountService;
import com.emporium.user.account.UserId;
import com.emporium.user.account.UserProfile;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account administration; the path alone requires the admin role (platform security). */
@RestController
@RequestMapping("/api/users/admin/users")
class AdminUserController {

    private final AccountService accounts;

    AdminUserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    PageResponse<UserProfile> list(@RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageQuery query = PageQuery.of(page, size, sort, AccountService.SORTABLE_FIELDS, "createdAt,desc");
        return accounts.list(query).map(UserProfile::of);
    }

    @GetMapping("/{id}")
    UserProfile one(@PathVariable UUID id) {
        return UserProfile.of(accounts.profile(new UserId(id)));
    }

    @PutMapping("/{id}/roles")
    UserProfile roles(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @Valid @RequestBody RolesUpdate update) {
        return UserProfile.of(accounts.changeRoles(ProfileController.caller(token), new UserId(id), update.roles()));
    }

    @PutMapping("/{id}/disable")
    UserProfile disable(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return UserProfile.of(accounts.disable(ProfileController.caller(token), new UserId(id)));
    }

    @PutMapping("/{id}/enable")
    UserProfile enable(@PathVariable UUID id) {
        return UserProfile.of(accounts.enable(new UserId(id)));
    }
}
