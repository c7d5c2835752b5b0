package com.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Catalog.Stock;
import com.emporium.e2e.Payments.Charge;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;

/**
 * Orders against payments against the sandbox's ledger against stock, for a set of orders a test made: what the
 * platform says it did, checked from each side. Printed as a table, then asserted on:
 * <ul>
 *   <li>every order ended confirmed (or later) or cancelled;</li>
 *   <li>no order was charged more than once;</li>
 *   <li>a confirmed order has exactly one charge, of its total, not refunded, and its reservation committed;</li>
 *   <li>a cancelled order has every charge refunded in full, and no reservation still held;</li>
 *   <li>no refund exceeds its charge;</li>
 *   <li>each product's stock is what it started with less what the confirmed orders took, with nothing reserved.</li>
 * </ul>
 */
public final class Reconciliation {

    /** One order seen from every side. */
    public record Row(UUID orderId, String status, BigDecimal total, Map<UUID, Integer> lines, String reservation,
            int payments, List<Charge> charges) {

        long succeededCharges() {
            return charges.stream().filter(charge -> charge.status().equals("succeeded")).count();
        }

        BigDecimal charged() {
            return charges.stream().filter(charge -> charge.status().equals("succeeded")).map(Charge::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal refunded() {
            return charges.stream().map(Charge::amountRefunded).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        boolean confirmed() {
            return Set.of("confirmed", "shipped", "delivered").contains(status);
        }
    }

    private static final Set<String> FINAL = Set.of("confirmed", "shipped", "delivered", "cancelled");

    private final List<Row> rows;

    private Reconciliation(List<Row> rows) {
        this.rows = rows;
    }

    /** Reads every side now. */
    public static Reconciliation of(Collection<UUID> orders) {
        List<Row> rows = new ArrayList<>();
        for (UUID order : orders) {
            OrderRow stored = order(order);
            rows.add(new Row(order, stored.status(), stored.total(), stored.lines(),
                    Catalog.reservationStatus(order).orElse("none"), Payments.storedFor(order).size(),
                    Payments.chargesOfOrder(order)));
        }
        return new Reconciliation(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The table, one line per order, with the totals. */
    public String table() {
        StringBuilder table = new StringBuilder(String.format("%-36s  %-10s  %8s  %-11s  %8s  %7s  %8s  %8s%n",
                "order", "status", "total", "reservation", "payments", "charges", "charged", "refunded"));
        for (Row row : rows) {
            table.append(String.format("%-36s  %-10s  %8.2f  %-11s  %8d  %7d  %8.2f  %8.2f%n", row.orderId(),
                    row.status(), row.total(), row.reservation(), row.payments(), row.succeededCharges(), row.charged(),
                    row.refunded()));
        }
        long confirmed = rows.stream().filter(Row::confirmed).count();
        long cancelled = rows.stream().filter(row -> row.status().equals("cancelled")).count();
        table.append(String.format("%d orders: %d confirmed, %d cancelled; charged %.2f, refunded %.2f%n", rows.size(),
                confirmed, cancelled, rows.stream().map(Row::charged).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(Row::refunded).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return table.toString();
    }

    /**
     * Prints the table and asserts every rule above; {@code startingStock} is each product's units on hand before
     * the orders, and every order of those products must be in this reconciliation.
     */
    public void assertConsistent(Map<UUID, Integer> startingStock) {
        System.out.println("Reconciliation (orders vs. payments vs. sandbox ledger vs. stock):\n" + table());
        SoftAssertions softly = new SoftAssertions();
        Map<UUID, Integer> taken = new LinkedHashMap<>();
        for (Row row : rows) {
            String order = "order " + row.orderId();
            softly.assertThat(FINAL).as("%s ended confirmed or cancelled", order).contains(row.status());
            softly.assertThat(row.succeededCharges()).as("%s charged at most once", order).isLessThanOrEqualTo(1);
            row.charges().forEach(charge -> softly.assertThat(charge.amountRefunded())
                    .as("%s: refund of charge %s within it", order, charge.id())
                    .isLessThanOrEqualTo(charge.amount()));
            if (row.confirmed()) {
                softly.assertThat(row.succeededCharges()).as("%s confirmed: one charge", order).isEqualTo(1);
                softly.assertThat(row.charged()).as("%s charged its total", order).isEqualByComparingTo(row.total());
                softly.assertThat(row.refunded()).as("%s confirmed: nothing refunded", order)
                        .isEqualByComparingTo(BigDecimal.ZERO);
                softly.assertThat(row.reservation()).as("%s confirmed: stock committed", order).isEqualTo("committed");
                row.lines().forEach((product, quantity) -> taken.merge(product, quantity, Integer::sum));
            } else if (row.status().equals("cancelled")) {
                softly.assertThat(row.refunded()).as("%s cancelled: every charge refunded in full", order)
                        .isEqualByComparingTo(row.charged());
                softly.assertThat(row.reservation()).as("%s cancelled: no stock held", order)
                        .isIn("released", "expired", "none");
            }
        }
        startingStock.forEach((product, onHand) -> {
            int left = onHand - taken.getOrDefault(product, 0);
            softly.assertThat(Catalog.stock(product)).as("stock of product %s", product)
                    .isEqualTo(new Stock(left, 0, left));
        });
        softly.assertAll();
    }

    private record OrderRow(String status, BigDecimal total, Map<UUID, Integer> lines) {
    }

    private static OrderRow order(UUID order) {
        try (Connection connection = Platform.current().orderServiceDatabase().connect();
                PreparedStatement head = connection.prepareStatement(
                        "SELECT status, total_amount FROM orders WHERE id = ?");
                PreparedStatement lines = connection.prepareStatement(
                        "SELECT product_id, quantity FROM order_lines WHERE order_id = ?")) {
            head.setObject(1, order);
            lines.setObject(1, order);
            String status;
            BigDecimal total;
            try (ResultSet row = head.executeQuery()) {
                assertThat(row.next()).as("order %s is stored", order).isTrue();
                status = row.getString(1);
                total = BigDecimal.valueOf(row.getLong(2), 2);
            }
            Map<UUID, Integer> quantities = new LinkedHashMap<>();
            try (ResultSet row = lines.executeQuery()) {
                while (row.next()) {
                    quantities.put(row.getObject(1, UUID.class), row.getInt(2));
                }
            }
            return new OrderRow(status, total, quantities);
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read order " + order, ex);
        }
    }
}
