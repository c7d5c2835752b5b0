package com.emporium.inventory.reservation;

import com.emporium.inventory.catalog.Money;
import com.emporium.inventory.catalog.ProductId;
import com.emporium.inventory.catalog.Stock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stock moves reservations make, on {@code product_stock}. Every transaction first locks the rows it will
 * change with {@link #lock}, in product id order, so two transactions never wait for each other in a circle; each
 * change is guarded as well, and the table's constraints refuse anything that would go negative.
 */
@Repository
class StockLedger {

    private final JdbcClient jdbc;

    StockLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A product's stock and what a reservation copies from it. */
    record Row(ProductId productId, String sku, String name, Money price, Stock stock) {
    }

    /** Locks the stock rows of the products that exist among {@code ids}, in id order, and reads them. */
    Map<ProductId, Row> lock(Collection<ProductId> ids) {
        Map<ProductId, Row> rows = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.product_id, p.sku, p.name, p.price_minor, s.on_hand, s.reserved
                  FROM product_stock s JOIN products p ON p.id = s.product_id
                 WHERE s.product_id = ANY (:ids)
                 ORDER BY s.product_id
                   FOR UPDATE OF s
                """)
                .param("ids", ids.stream().map(ProductId::value).toArray(UUID[]::new))
                .query((rs, n) -> new Row(new ProductId(rs.getObject("product_id", UUID.class)), rs.getString("sku"),
                        rs.getString("name"), new Money(rs.getLong("price_minor")),
                        new Stock(rs.getInt("on_hand"), rs.getInt("reserved"))))
                .list()
                .forEach(row -> rows.put(row.productId(), row));
        return rows;
    }

    /** Holds {@code quantity} for an order, if that much is available. */
    boolean reserve(ProductId id, int quantity) {
        return update("UPDATE product_stock SET reserved = reserved + :q "
                + "WHERE product_id = :id AND on_hand - reserved >= :q", id, quantity);
    }

    /** Gives back {@code quantity} that was held. */
    void unreserve(ProductId id, int quantity) {
        require(update("UPDATE product_stock SET reserved = reserved - :q WHERE product_id = :id AND reserved >= :q",
                id, quantity), "unreserve", id, quantity);
    }

    /** A confirmed order takes what it held off the shelf. */
    void ship(ProductId id, int quantity) {
        require(update("UPDATE product_stock SET on_hand = on_hand - :q, reserved = reserved - :q "
                + "WHERE product_id = :id AND reserved >= :q AND on_hand >= :q", id, quantity), "ship", id, quantity);
    }

    /** A confirmed order whose hold had lapsed takes {@code quantity} straight off the shelf, if it is available. */
    boolean take(ProductId id, int quantity) {
        return update("UPDATE product_stock SET on_hand = on_hand - :q "
                + "WHERE product_id = :id AND on_hand - reserved >= :q", id, quantity);
    }

    /** A cancelled order that had been confirmed puts its stock back on the shelf. */
    void restock(ProductId id, int quantity) {
        require(update("UPDATE product_stock SET on_hand = on_hand + :q WHERE product_id = :id", id, quantity),
                "restock", id, quantity);
    }

    private boolean update(String sql, ProductId id, int quantity) {
        return jdbc.sql(sql).param("q", quantity).param("id", id.value()).update() == 1;
    }

    /** The row was locked and checked first: a refusal here means the books are wrong, and the change must not commit. */
    private static void require(boolean done, String move, ProductId id, int quantity) {
        if (!done) {
            throw new IllegalStateException("cannot " + move + " " + quantity + " of product " + id
                    + ": its stock does not allow it");
        }
    }
}
