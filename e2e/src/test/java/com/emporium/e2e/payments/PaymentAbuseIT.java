package com.emporium.e2e.payments;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
import com.emporium.e2e.Payments;
import com.emporium.e2e.Platform;
import com.emporium.test.http.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a customer must not be able to do with payments: pay another's order, pay an order twice, reuse a key for
 * another payment, name the amount, or hand Emporium a card number. Each gets its documented 4xx and charges
 * nothing, and no card number ever reaches a log.
 */
class PaymentAbuseIT {

    private final Checkout checkout = new Checkout();

    @Test
    void payingAnotherCustomersOrderIsNotFoundAndChargesNothing() {
        Account owner = Accounts.customer();
        Account other = Accounts.customer();
        UUID order = checkout.place(owner, Catalog.product(1, "3.00").id(), 1);

        ApiResponse paid = Payments.pay(checkout.payments, other, order, Payments.TOKEN_SUCCEEDS);

        assertProblem(paid, 404, "order-not-found");
        assertThat(Payments.storedFor(order)).isEmpty();
        assertThat(checkout.order(owner, order).json().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void anUnknownOrderIsNotFound() {
        ApiResponse paid = Payments.pay(checkout.payments, Accounts.customer(), UUID.randomUUID(),
                Payments.TOKEN_SUCCEEDS);

        assertProblem(paid, 404, "order-not-found");
    }

    @Test
    void aPaidOrderCannotBePaidAgainNorACancelledOne() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(2, "5.00");
        UUID paidOrder = checkout.place(customer, product.id(), 1);
        assertThat(Payments.pay(checkout.payments, customer, paidOrder, Payments.TOKEN_SUCCEEDS).status())
                .isEqualTo(201);
        checkout.awaitOrder(customer, paidOrder, "confirmed");
        UUID cancelledOrder = checkout.place(customer, product.id(), 1);
        checkout.orders.put("/api/orders/" + cancelledOrder + "/cancel").bearer(customer.accessToken()).send();

        ApiResponse again = Payments.pay(checkout.payments, customer, paidOrder, Payments.TOKEN_SUCCEEDS);
        ApiResponse cancelled = Payments.pay(checkout.payments, customer, cancelledOrder, Payments.TOKEN_SUCCEEDS);

        assertProblem(again, 409, "order-already-paid");
        assertProblem(cancelled, 409, "order-cancelled");
        assertThat(Payments.chargesOfOrder(paidOrder)).hasSize(1);
        assertThat(Payments.chargesOfOrder(cancelledOrder)).isEmpty();
    }

    @Test
    void aKeyReusedForAnotherPaymentIsRefusedAndTheSameRequestAgainGetsTheFirstAnswer() {
        Account customer = Accounts.customer();
        UUID order = checkout.place(customer, Catalog.product(1, "8.00").id(), 1);
        String key = UUID.randomUUID().toString();
        ApiResponse declined = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_DECLINED, key);
        assertProblem(declined, 402, "payment-declined");

        ApiResponse replayed = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_DECLINED, key);
        ApiResponse reused = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_SUCCEEDS, key);

        assertProblem(replayed, 402, "payment-declined");
        assertThat(replayed.header("Idempotent-Replayed")).hasValue("true");
        assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(Payments.storedFor(order)).singleElement()
                .satisfies(payment -> assertThat(payment.status()).isEqualTo("failed"));
        assertThat(Payments.chargesOfOrder(order)).noneMatch(charge -> charge.status().equals("succeeded"));
    }

    @Test
    void anAmountACardNumberOrAMissingKeyIsRefusedAndNothingIsCharged() {
        Account customer = Accounts.customer();
        UUID order = checkout.place(customer, Catalog.product(1, "20.00").id(), 1);
        String key = UUID.randomUUID().toString();

        ApiResponse amount = post(customer, key, Map.of("orderId", order, "paymentToken", Payments.TOKEN_SUCCEEDS,
                "amount", 0.01));
        ApiResponse card = post(customer, UUID.randomUUID().toString(), Map.of("orderId", order, "paymentToken",
                Payments.TOKEN_SUCCEEDS, "cardNumber", Payments.CARD_SUCCEEDS));
        ApiResponse cardAsToken = post(customer, UUID.randomUUID().toString(), Map.of("orderId", order,
                "paymentToken", Payments.CARD_SUCCEEDS));
        ApiResponse noKey = checkout.payments.post("/api/payments").bearer(customer.accessToken())
                .json(Map.of("orderId", order, "paymentToken", Payments.TOKEN_SUCCEEDS)).send();

        assertProblem(amount, 400, "unexpected-field");
        assertThat(amount.body()).contains("amount");
        assertProblem(card, 400, "unexpected-field");
        assertThat(card.body()).contains("cardNumber").doesNotContain(Payments.CARD_SUCCEEDS);
        assertProblem(cardAsToken, 400, "validation");
        assertThat(cardAsToken.body()).contains("paymentToken").doesNotContain(Payments.CARD_SUCCEEDS);
        assertProblem(noKey, 400, "idempotency-key-required");
        assertThat(Payments.storedFor(order)).isEmpty();
        assertThat(checkout.order(customer, order).json().get("status").asString()).isEqualTo("pending");
        assertNoCardNumberInAnyLog();
    }

    private ApiResponse post(Account customer, String key, Map<String, Object> body) {
        return checkout.payments.post("/api/payments").bearer(customer.accessToken()).header("Idempotency-Key", key)
                .json(body).send();
    }

    /** The platform's logs (every service's) hold none of the test card numbers this run used. */
    private static void assertNoCardNumberInAnyLog() {
        Path logs = Platform.current().folder().resolve("logs");
        List<String> numbers = List.of(Payments.CARD_SUCCEEDS, Payments.CARD_DECLINED, Payments.CARD_TIMEOUT);
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).as("the platform's logs").isNotEmpty();
            for (Path file : all) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(numbers).as("card numbers in %s", file.getFileName())
                        .allSatisfy(number -> assertThat(text).doesNotContain(number));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
