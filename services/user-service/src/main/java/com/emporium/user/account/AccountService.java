package com.emporium.user.account;

import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts, changing profiles, and what an admin may do to an account. */
@Service
public class AccountService {

    /** The fields an account list may be sorted by. */
    public static final java.util.Set<String> SORTABLE_FIELDS = UserRepository.SORTABLE.keySet();

    private final UserRepository users;
    private final PasswordHashing passwords;
    private final AccountEvents events;
    private final Clock clock;

    AccountService(UserRepository users, PasswordHashing passwords, AccountEvents events, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    public User register(String email, String password, String displayName, Set<Role> roles) {
        // hash before the transaction: it takes tens of milliseconds and needs no connection
        String hash = passwords.hash(password);
        Instant now = clock.instant();
        User user = new User(UserId.random(), User.normalizeEmail(email), displayName.strip(), hash,
                roles, null, now, now);
        try {
            users.insert(user);
        } catch (DuplicateKeyException ex) {
            throw new EmailTaken();
        }
        return user;
    }

    public User profile(UserId id) {
        return users.findById(id).orElseThrow(() -> new UserNotFound(id));
    }

    @Transactional
    public User changeDisplayName(UserId id, String displayName) {
        if (!users.updateDisplayName(id, displayName.strip(), clock.instant())) {
            throw new UserNotFound(id);
        }
        return profile(id);
    }

    public PageResponse<User> list(PageQuery query) {
        return PageResponse.of(users.page(query), query, users.count());
    }

    /** Changes an account's roles; an admin cannot take the admin role from themselves or from the last admin. */
    @Transactional
    public User changeRoles(UserId actor, UserId id, Set<Role> roles) {
        if (!roles.contains(Role.ADMIN)) {
            keepAnAdmin(actor, id);
        }
        if (!users.updateRoles(id, EnumSet.copyOf(roles), clock.instant())) {
            throw new UserNotFound(id);
        }
        return profile(id);
    }

    /**
     * Disables an account: it cannot log in, and its refresh tokens stop working at once. An admin cannot
     * disable themselves or the last admin.
     */
    @Transactional
    public User disable(UserId actor, UserId id) {
        keepAnAdmin(actor, id);
        Instant now = clock.instant();
        if (!users.updateDisabledAt(id, now, now)) {
            throw new UserNotFound(id);
        }
        events.disabled(id, now);
        return profile(id);
    }

    /** Refuses a change that would lock the admins out: of themselves, or of the platform. */
    private void keepAnAdmin(UserId actor, UserId id) {
        users.lockAdministration();
        if (actor.equals(id)) {
            throw new AdminLockout("You cannot remove your own admin access; ask another admin.");
        }
        User target = users.findById(id).orElseThrow(() -> new UserNotFound(id));
        if (target.roles().contains(Role.ADMIN) && !target.disabled() && users.countActiveAdmins() <= 1) {
            throw new AdminLockout("This is the last active admin; make another admin first.");
        }
    }

    @Transactional
    public User enable(UserId id) {
        if (!users.updateDisabledAt(id, null, clock.instant())) {
            throw new UserNotFound(id);
        }
        return profile(id);
    }
}
