package com.emporium.sandbox.charge;

import java.util.Locale;

public enum ChargeStatus {
    SUCCEEDED, DECLINED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ChargeStatus ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
