package com.emporium.order.orders;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.token.Roles;
import com.emporium.platform.web.ProblemException;
import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Who is asking: a customer sees only their own orders; an admin sees every order. */
public record Caller(CustomerId id, boolean admin) {

    /**
     * The caller an access token names: its subject is a user-service account id.
     *
     * @throws ProblemException 403 for a token whose subject is not an account (a service's, say)
     */
    public static Caller of(@Nullable String subject, @Nullable Collection<String> roles) {
        UUID id;
        try {
            id = UUID.fromString(subject == null ? "" : subject);
        } catch (IllegalArgumentException ex) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                    "Orders belong to customer accounts; this token names none.");
        }
        return new Caller(new CustomerId(id), roles != null && roles.contains(Roles.ADMIN));
    }

    boolean mayRead(Order order) {
        return admin || order.customerId().equals(id);
    }
}
