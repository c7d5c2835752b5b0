package com.emporium.platform.token;

/** The roles a token's {@code roles} claim may carry, as they appear on the wire. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String ADMIN = "admin";
    /** A service calling another with a client-credentials token. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
