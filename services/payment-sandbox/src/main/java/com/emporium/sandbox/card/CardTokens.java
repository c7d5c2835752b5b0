package com.emporium.sandbox.card;

import com.emporium.sandbox.RandomIds;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Turns checked cards into tokens, and finds the card behind a token. */
@Service
public class CardTokens {

    private final CardTokenRepository tokens;
    private final Clock clock;

    CardTokens(CardTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public CardToken tokenize(NewCard card) {
        CardToken token = new CardToken(RandomIds.next("tok"), card.number().brand(), card.number().last4(),
                card.expMonth(), card.expYear(), card.number().behaviour(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        tokens.insert(token);
        return token;
    }

    public Optional<CardToken> find(String token) {
        return tokens.find(token);
    }
}
