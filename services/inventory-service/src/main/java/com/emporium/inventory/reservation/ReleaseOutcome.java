package com.emporium.inventory.reservation;

/** What cancelling an order did to its reservation. */
public sealed interface ReleaseOutcome {

    /** The held stock is available again. */
    record Released() implements ReleaseOutcome {
    }

    /** The order had been confirmed: its stock went back on the shelf. */
    record Restocked() implements ReleaseOutcome {
    }

    /** The reservation had already given its stock back (released or expired). */
    record AlreadyReleased(ReservationStatus status) implements ReleaseOutcome {
    }

    /** The order never reserved anything here (it failed before reserving, or reserving failed). */
    record NoReservation() implements ReleaseOutcome {
    }
}
