package com.emporium.inventory.catalog;

/** The demo catalog was switched on under the production profile: the service refuses to start. */
public final class DemoCatalogRefused extends IllegalStateException {

    DemoCatalogRefused(String profile) {
        super("The demo catalog is enabled (emporium.inventory.demo-catalog.enabled / DEMO_CATALOG=true) under the '"
                + profile + "' profile. Demo products must never reach a production catalog: unset DEMO_CATALOG.");
    }
}
