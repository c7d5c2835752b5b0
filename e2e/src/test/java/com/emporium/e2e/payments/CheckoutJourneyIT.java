package com.emporium.e2e.payments;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
import com.emporium.e2e.Catalog.Stock;
import com.emporium.e2e.Orders;
import com.emporium.e2e.Payments;
import com.emporium.e2e.Payments.Charge;
import com.emporium.e2e.Reconciliation;
import com.emporium.test.http.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The checkout saga end to end through the gateway, every service its own process and the sandbox as the card
 * processor: each path of ARCHITECTURE.md's saga, each ending in a reconciliation of orders, payments, the
 * sandbox's ledger and stock.
 */
class CheckoutJourneyIT {

    private final Checkout checkout = new Checkout();

    @Test
    void aPaidOrderIsConfirmedItsStockCommittedThenShippedAndDelivered() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(5, "12.50");
        UUID order = checkout.place(customer, product.id(), 2);
        String token = Payments.tokenize(Payments.CARD_SUCCEEDS);

        ApiResponse paid = Payments.pay(checkout.payments, customer, order, token);

        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        assertThat(paid.json().get("status").asString()).isEqualTo("succeeded");
        assertThat(paid.json().get("amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(paid.json().get("currency").asString()).isEqualTo("USD");
        assertThat(paid.json().get("card").get("last4").asString()).isEqualTo("4242");
        String payment = paid.json().get("id").asString();
        ApiResponse confirmed = checkout.awaitOrder(customer, order, "confirmed");
        assertThat(confirmed.json().get("paymentId").asString()).isEqualTo(payment);
        await().atMost(Checkout.PATIENCE).untilAsserted(
                () -> assertThat(Catalog.reservationStatus(order)).hasValue("committed"));
        assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(3, 0, 3));
        ApiResponse listed = checkout.payments.get("/api/payments").query("orderId", order)
                .bearer(customer.accessToken()).send();
        assertThat(listed.json().get("items")).singleElement()
                .satisfies(item -> assertThat(item.get("id").asString()).isEqualTo(payment));

        String admin = Accounts.admin().accessToken();
        assertThat(checkout.orders.put("/api/orders/admin/orders/" + order + "/ship").bearer(admin).send().status())
                .isEqualTo(200);
        assertThat(checkout.orders.put("/api/orders/admin/orders/" + order + "/deliver").bearer(admin).send()
                .status()).isEqualTo(200);
        assertThat(checkout.order(customer, order).json().get("status").asString()).isEqualTo("delivered");
        Reconciliation.of(List.of(order)).assertConsistent(Map.of(product.id(), 5));
    }

    @Test
    void aDeclinedCardLeavesTheOrderPayableAndAGoodCardThenPaysIt() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(5, "4.00");
        UUID order = checkout.place(customer, product.id(), 1);

        ApiResponse declined = Payments.pay(checkout.payments, customer, order,
                Payments.tokenize(Payments.CARD_DECLINED));
        ApiResponse broke = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_INSUFFICIENT_FUNDS);

        assertProblem(declined, 402, "payment-declined");
        assertThat(declined.json().get("declineCode").asString()).isEqualTo("card-declined");
        assertProblem(broke, 402, "payment-declined");
        assertThat(broke.json().get("declineCode").asString()).isEqualTo("insufficient-funds");
        assertThat(checkout.order(customer, order).json().get("status").asString()).isEqualTo("pending");
        assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(5, 1, 4));

        ApiResponse paid = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_SUCCEEDS);

        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        checkout.awaitOrder(customer, order, "confirmed");
        await().atMost(Checkout.PATIENCE).untilAsserted(
                () -> assertThat(Catalog.reservationStatus(order)).hasValue("committed"));
        assertThat(Payments.storedFor(order)).extracting(Payments.StoredPayment::status)
                .containsExactly("failed", "failed", "succeeded");
        Reconciliation.of(List.of(order)).assertConsistent(Map.of(product.id(), 5));
    }

    @Test
    void anUnpaidOrderIsCancelledAtItsDeadlineAndItsStockComesBack() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(3, "2.00");
        UUID order = checkout.place(customer, product.id(), 3);
        assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(3, 3, 0));

        ApiResponse cancelled = checkout.awaitOrder(customer, order, "cancelled");

        assertThat(cancelled.json().get("cancellationReason").asString()).isEqualTo("payment-expired");
        await().atMost(Checkout.PATIENCE).untilAsserted(
                () -> assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(3, 0, 3)));
        ApiResponse late = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_SUCCEEDS);
        assertProblem(late, 409, "order-cancelled");
        Reconciliation.of(List.of(order)).assertConsistent(Map.of(product.id(), 3));
    }

    @Test
    void cancellingAPaidOrderRefundsItInTheSandboxLedgerAndPutsTheStockBack() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(4, "7.25");
        UUID order = checkout.place(customer, product.id(), 2);
        ApiResponse paid = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_SUCCEEDS);
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        String payment = paid.json().get("id").asString();
        checkout.awaitOrder(customer, order, "confirmed");
        await().atMost(Checkout.PATIENCE).untilAsserted(
                () -> assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(2, 0, 2)));

        ApiResponse cancelled = checkout.orders.put("/api/orders/" + order + "/cancel").bearer(customer.accessToken())
                .send();

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        ApiResponse refunded = checkout.awaitPayment(customer, payment, "refunded");
        assertThat(refunded.json().get("refund").get("reason").asString()).isEqualTo("order-cancelled");
        assertThat(refunded.json().get("refund").get("amount").decimalValue()).isEqualByComparingTo("14.50");
        List<Charge> charges = Payments.chargesOf(UUID.fromString(payment));
        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.amount()).isEqualByComparingTo("14.50");
            assertThat(charge.amountRefunded()).isEqualByComparingTo("14.50");
        });
        await().atMost(Checkout.PATIENCE).untilAsserted(
                () -> assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(4, 0, 4)));
        Reconciliation.of(List.of(order)).assertConsistent(Map.of(product.id(), 4));
    }

    @Test
    void aChargeWhoseAnswerWasLostIsResolvedByAskingTheSandboxNeverByChargingAgain() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(2, "9.99");
        UUID order = checkout.place(customer, product.id(), 1);

        ApiResponse processing = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_TIMEOUT);

        assertThat(processing.status()).as("the sandbox answers too late: %s", processing).isEqualTo(202);
        assertThat(processing.json().get("status").asString()).isEqualTo("processing");
        String payment = processing.json().get("id").asString();
        checkout.awaitPayment(customer, payment, "succeeded");
        checkout.awaitOrder(customer, order, "confirmed");
        assertThat(Payments.chargesOf(UUID.fromString(payment))).singleElement()
                .satisfies(charge -> assertThat(charge.status()).isEqualTo("succeeded"));
        await().atMost(Checkout.PATIENCE).untilAsserted(
                () -> assertThat(Catalog.reservationStatus(order)).hasValue("committed"));
        Reconciliation.of(List.of(order)).assertConsistent(Map.of(product.id(), 2));
    }

    @Test
    void aPaymentThatSucceedsAfterItsOrderWasCancelledIsRefundedAutomatically() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(2, "6.00");
        UUID order = checkout.place(customer, product.id(), 1);
        ApiResponse processing = Payments.pay(checkout.payments, customer, order, Payments.TOKEN_TIMEOUT);
        assertThat(processing.status()).as("%s", processing).isEqualTo(202);
        String payment = processing.json().get("id").asString();

        ApiResponse cancelled = checkout.orders.put("/api/orders/" + order + "/cancel").bearer(customer.accessToken())
                .send();

        assertThat(cancelled.status()).as("cancelled while its payment is unresolved: %s", cancelled).isEqualTo(200);
        ApiResponse refunded = checkout.awaitPayment(customer, payment, "refunded");
        assertThat(refunded.json().get("refund").get("reason").asString()).isEqualTo("order-cancelled");
        assertThat(Orders.statusOf(order)).isEqualTo("cancelled");
        assertThat(Payments.chargesOf(UUID.fromString(payment))).singleElement().satisfies(charge ->
                assertThat(charge.amountRefunded()).isEqualByComparingTo(charge.amount()));
        await().atMost(Checkout.PATIENCE).untilAsserted(
                () -> assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(2, 0, 2)));
        Reconciliation.of(List.of(order)).assertConsistent(Map.of(product.id(), 2));
    }
}
