package com.emporium.inventory.reservation;

/** What confirming an order did to its reservation. A failure throws, so that the event is retried. */
public sealed interface CommitOutcome {

    /** The held stock left the shelf. */
    record Committed() implements CommitOutcome {
    }

    /** Nothing to do: a duplicate confirmation. */
    record AlreadyCommitted() implements CommitOutcome {
    }

    /** The order was cancelled before this confirmation was handled: nothing is taken. */
    record OrderCancelled() implements CommitOutcome {
    }

    /** The reservation had been released or had expired; the stock was still there and was taken again. */
    record Retaken(ReservationStatus previous) implements CommitOutcome {
    }
}
