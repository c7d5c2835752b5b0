package com.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts.Account;
import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Object mother for payments: cards tokenized at the sandbox as the storefront does it, payments made through the
 * gateway, and a look at payment-service's database and at the sandbox's ledger.
 */
public final class Payments {

    /** The sandbox's documented test cards (services/payment-sandbox/README.md). */
    public static final String CARD_SUCCEEDS = "4242424242424242";
    public static final String CARD_DECLINED = "4000000000000002";
    public static final String CARD_TIMEOUT = "4000000000000077";
    /** The sandbox's documented ready-made tokens. */
    public static final String TOKEN_SUCCEEDS = "tok_visa";
    public static final String TOKEN_DECLINED = "tok_declined";
    public static final String TOKEN_INSUFFICIENT_FUNDS = "tok_insufficient_funds";
    public static final String TOKEN_RETRY_LATER = "tok_retry_later";
    public static final String TOKEN_TIMEOUT = "tok_timeout";

    /** A charge in the sandbox's ledger. */
    public record Charge(String id, String status, BigDecimal amount, BigDecimal amountRefunded, String reference) {
    }

    /** A payment as payment-service's database holds it. */
    public record StoredPayment(UUID id, UUID orderId, String status, String refundStatus) {

        /** Its status as the API shows it: {@code refunded} once its refund went through, else the stored one. */
        public String shownStatus() {
            return refundStatus.equals("refunded") ? "refunded" : status;
        }
    }

    private Payments() {
    }

    /** A client of the sandbox, whose answers must keep contracts/payment-sandbox.yaml. */
    public static ApiClient sandbox() {
        return new ApiClient(Platform.current().paymentSandbox(), ContractRecorder.shared("payment-sandbox"));
    }

    /** Tokenizes the card at the sandbox, from the storefront's origin, as the storefront does; the token. */
    public static String tokenize(String cardNumber) {
        ApiResponse token = sandbox().post("/v1/tokens").header("Origin", "http://localhost:3000")
                .json(Map.of("number", cardNumber, "expMonth", 12, "expYear", 2030, "cvc", "123")).send();
        assertThat(token.status()).as("tokenizing a test card: %s", token).isEqualTo(201);
        return token.json().get("token").asString();
    }

    /** Pays the order with this token under a new idempotency key. */
    public static ApiResponse pay(ApiClient client, Account customer, UUID orderId, String token) {
        return pay(client, customer, orderId, token, UUID.randomUUID().toString());
    }

    public static ApiResponse pay(ApiClient client, Account customer, UUID orderId, String token, String key) {
        return client.post("/api/payments").bearer(customer.accessToken()).header("Idempotency-Key", key)
                .json(Map.of("orderId", orderId, "paymentToken", token)).send();
    }

    /** The sandbox's charges made for this payment (payment-service sends its payment id as the reference). */
    public static List<Charge> chargesOf(UUID paymentId) {
        ApiResponse page = ApiClient.unchecked(Platform.current().paymentSandbox()).get("/v1/charges")
                .bearer(Platform.current().sandboxSecretKey()).query("reference", paymentId).query("size", 100)
                .send();
        assertThat(page.status()).as("the sandbox's charges of %s: %s", paymentId, page).isEqualTo(200);
        List<Charge> charges = new ArrayList<>();
        for (JsonNode charge : page.json().get("items")) {
            charges.add(new Charge(charge.get("id").asString(), charge.get("status").asString(),
                    charge.get("amount").decimalValue(), charge.get("amountRefunded").decimalValue(),
                    charge.get("reference").asString()));
        }
        return charges;
    }

    /** Every charge the sandbox made for any payment of this order. */
    public static List<Charge> chargesOfOrder(UUID orderId) {
        return storedFor(orderId).stream().flatMap(payment -> chargesOf(payment.id()).stream()).toList();
    }

    /** The payment in payment-service's database, empty when there is none. */
    public static java.util.Optional<StoredPayment> stored(UUID paymentId) {
        return query("SELECT id, order_id, status, refund_status FROM payments WHERE id = ?", paymentId).stream()
                .findFirst();
    }

    /** The payments of this order in payment-service's database, oldest first. */
    public static List<StoredPayment> storedFor(UUID orderId) {
        return query("SELECT id, order_id, status, refund_status FROM payments WHERE order_id = ? "
                + "ORDER BY created_at, id", orderId);
    }

    private static List<StoredPayment> query(String sql, UUID parameter) {
        try (Connection connection = Platform.current().paymentServiceDatabase().connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            List<StoredPayment> payments = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    payments.add(new StoredPayment(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            row.getString(3), row.getString(4)));
                }
            }
            return payments;
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read payment-service's payments (" + parameter + ")", ex);
        }
    }
}
