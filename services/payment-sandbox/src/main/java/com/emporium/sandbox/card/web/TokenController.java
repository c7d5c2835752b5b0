package com.emporium.sandbox.card.web;

import com.emporium.sandbox.card.CardToken;
import com.emporium.sandbox.card.CardTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/tokens}: a card's details become a reusable token. No key is needed (a shop's page calls it from
 * the browser, so the card never passes through the shop); see {@code access} for who may call it cross-origin.
 */
@RestController
class TokenController {

    private final CardTokens tokens;
    private final Clock clock;

    TokenController(CardTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TokenView tokenize(@RequestBody(required = false) @Nullable String body) {
        CardToken token = tokens.tokenize(TokenRequest.read(body, YearMonth.now(clock)));
        return TokenView.of(token);
    }

    record TokenView(String token, Card card, Instant createdAt) {

        static TokenView of(CardToken token) {
            return new TokenView(token.token(),
                    new Card(token.brand().wireName(), token.last4(), token.expMonth(), token.expYear()),
                    token.createdAt());
        }
    }

    record Card(String brand, String last4, int expMonth, int expYear) {
    }
}
