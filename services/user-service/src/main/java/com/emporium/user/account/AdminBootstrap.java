package com.emporium.user.account;

import com.emporium.user.UserServiceProperties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin account from configuration when no account has its email. An existing account
 * is never changed, so a password changed later is not reset by a restart.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final UserRepository users;
    private final UserServiceProperties.Admin admin;

    AdminBootstrap(AccountService accounts, UserRepository users, UserServiceProperties properties) {
        this.accounts = accounts;
        this.users = users;
        this.admin = properties.admin();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.findByEmail(User.normalizeEmail(admin.email())).isPresent()) {
            return;
        }
        try {
            accounts.register(admin.email(), admin.password(), admin.displayName(), Set.of(Role.ADMIN, Role.CUSTOMER));
            log.info("Created the first admin account {}", admin.email());
        } catch (EmailTaken raced) {
            // another replica created it at the same moment
        }
    }
}
