package com.emporium.sandbox.card;

/** A card to tokenize, already checked: a valid number and an expiry that has not passed. */
public record NewCard(CardNumber number, int expMonth, int expYear) {
}
