package com.emporium.sandbox.charge;

import com.emporium.sandbox.RandomIds;
import com.emporium.sandbox.SandboxProperties;
import com.emporium.sandbox.card.Behaviour;
import com.emporium.sandbox.card.CardToken;
import com.emporium.sandbox.card.CardTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Charges tokens, once per {@code Idempotency-Key}. The key is a unique column of the charge itself, so the charge
 * and its key are one row written by one statement: of any number of concurrent requests with one key, exactly one
 * inserts; the others wait for it to commit and then answer what it recorded. A declined charge is recorded too.
 */
@Service
public class ChargeService {

    private static final Logger log = LoggerFactory.getLogger(ChargeService.class);

    private final ChargeRepository charges;
    private final RetryLaterAttempts retryLater;
    private final CardTokens cards;
    private final SandboxProperties properties;
    private final Clock clock;

    ChargeService(ChargeRepository charges, RetryLaterAttempts retryLater, CardTokens cards,
            SandboxProperties properties, Clock clock) {
        this.charges = charges;
        this.retryLater = retryLater;
        this.cards = cards;
        this.properties = properties;
        this.clock = clock;
    }

    public ChargeOutcome charge(NewCharge request) {
        Optional<Charge> earlier = charges.findByKey(request.idempotencyKey());
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        CardToken card = cards.find(request.token()).orElseThrow(ChargeProblems::unknownToken);
        if (card.behaviour() == Behaviour.RETRY_LATER
                && retryLater.record(request.idempotencyKey(), now()) <= properties.retryLaterFailures()) {
            throw ChargeProblems.retryLater();
        }
        Charge charge = newCharge(request, card);
        if (!charges.insertIfAbsent(charge)) {
            return replay(charges.findByKey(request.idempotencyKey()).orElseThrow(), request);
        }
        log.info("charge {} {} ({} {} minor units, reference {})", charge.id(), charge.status().wireName(),
                charge.currency(), charge.amount(), charge.reference());
        if (card.behaviour() == Behaviour.TIMEOUT) {
            answerLate();
        }
        return new ChargeOutcome.Created(charge);
    }

    public Charge find(String id) {
        Charge charge = charges.find(id).orElseThrow(ChargeProblems::chargeNotFound);
        return charge.withRefunds(charges.refundsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    public Listing<Charge> list(ChargeFilter filter, long offset, int limit) {
        List<Charge> page = charges.list(filter, offset, limit);
        Map<String, List<Refund>> refunds = charges.refundsOf(page.stream().map(Charge::id).toList());
        return new Listing<>(page.stream().map(c -> c.withRefunds(refunds.getOrDefault(c.id(), List.of()))).toList(),
                charges.count(filter));
    }

    private ChargeOutcome replay(Charge earlier, NewCharge request) {
        if (!earlier.requestHash().equals(request.requestHash())) {
            throw ChargeProblems.idempotencyKeyReused();
        }
        return new ChargeOutcome.Replayed(earlier.asFirstAnswered());
    }

    private Charge newCharge(NewCharge request, CardToken card) {
        String declineCode = switch (card.behaviour()) {
            case CARD_DECLINED, INSUFFICIENT_FUNDS -> card.behaviour().code();
            case SUCCEEDS, RETRY_LATER, TIMEOUT -> null;
        };
        return new Charge(RandomIds.next("ch"), request.idempotencyKey(), request.requestHash(),
                declineCode == null ? ChargeStatus.SUCCEEDED : ChargeStatus.DECLINED, declineCode, request.amount(),
                request.currency(), card.token(), card.brand().wireName(), card.last4(), request.reference(),
                request.description(), 0, now(), List.of());
    }

    /** The timeout card: the charge is committed, and the answer takes its time. */
    private void answerLate() {
        try {
            Thread.sleep(properties.slowDelay());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
