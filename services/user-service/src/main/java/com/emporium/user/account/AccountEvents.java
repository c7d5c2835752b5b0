package com.emporium.user.account;

import java.time.Instant;

/**
 * What other features must do, in the same transaction, when an account changes. The auth feature revokes
 * the account's refresh tokens when it is disabled; accounts need not know how.
 */
public interface AccountEvents {

    void disabled(UserId id, Instant at);
}
