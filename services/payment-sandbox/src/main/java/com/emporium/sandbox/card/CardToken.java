package com.emporium.sandbox.card;

import java.time.Instant;

/** A tokenized card as the sandbox keeps it: what a merchant may see of it, and how charging it behaves. */
public record CardToken(String token, Brand brand, String last4, int expMonth, int expYear, Behaviour behaviour,
        Instant createdAt) {
}
