package com.emporium.platform.events.sample;

import java.util.UUID;

import com.emporium.platform.events.EventType;

/** A deposit was made to an account; {@code sequence} numbers an account's deposits from 1. */
@EventType(name = "DepositMade", version = 1, routingKey = "sample.deposit-made")
public record DepositMade(UUID depositId, UUID accountId, long amount, int sequence) {
}
