package com.emporium.inventory.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Products and their stock in PostgreSQL, through plain SQL. */
@Repository
class ProductRepository {

    /** API sort field → column; the only values that ever reach ORDER BY. */
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "name", "p.name", "price", "p.price_minor", "sku", "p.sku");
    private static final String SELECT = """
            SELECT p.id, p.sku, p.name, p.description, p.price_minor, p.category, p.image, p.version, p.created_at,
                   p.updated_at, s.on_hand, s.reserved
            """;

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a product and its stock; a duplicate sku raises {@link org.springframework.dao.DuplicateKeyException}. */
    void insert(Product product) {
        jdbc.sql("""
                INSERT INTO products (id, sku, name, description, price_minor, category, image, version, created_at,
                                      updated_at)
                VALUES (:id, :sku, :name, :description, :price, :category, :image, :version, :createdAt, :updatedAt)
                """)
                .param("id", product.id().value())
                .param("sku", product.sku())
                .param("name", product.name())
                .param("description", product.description())
                .param("price", product.price().minorUnits())
                .param("category", product.category())
                .param("image", product.image())
                .param("version", product.version())
                .param("createdAt", Timestamp.from(product.createdAt()))
                .param("updatedAt", Timestamp.from(product.updatedAt()))
                .update();
        jdbc.sql("INSERT INTO product_stock (product_id, on_hand, reserved) VALUES (:id, :onHand, 0)")
                .param("id", product.id().value())
                .param("onHand", product.stock().onHand())
                .update();
    }

    Optional<Product> find(ProductId id) {
        return jdbc.sql(SELECT + " FROM products p JOIN product_stock s ON s.product_id = p.id WHERE p.id = :id")
                .param("id", id.value())
                .query(ProductRepository::map)
                .optional();
    }

    /** The product's version, its row locked until the transaction ends; empty when there is no such product. */
    OptionalLong lockVersion(ProductId id) {
        return jdbc.sql("SELECT version FROM products WHERE id = :id FOR NO KEY UPDATE")
                .param("id", id.value())
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** Changes the details if the product is still at {@code expectedVersion}; false otherwise (or if unknown). */
    boolean updateDetails(ProductId id, long expectedVersion, ProductDetails details, Instant now) {
        return jdbc.sql("""
                UPDATE products
                   SET name = :name, description = :description, price_minor = :price, category = :category,
                       image = :image, version = version + 1, updated_at = :now
                 WHERE id = :id AND version = :expected
                """)
                .param("name", details.name())
                .param("description", details.description())
                .param("price", details.price().minorUnits())
                .param("category", details.category())
                .param("image", details.image())
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    void bumpVersion(ProductId id, Instant now) {
        jdbc.sql("UPDATE products SET version = version + 1, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", id.value()).update();
    }

    /**
     * Adds {@code delta} to the product's stock on hand unless that would leave less than is reserved (or less
     * than nothing); the stock it left, or empty when it was refused.
     */
    Optional<Stock> adjustOnHand(ProductId id, int delta) {
        return jdbc.sql("""
                UPDATE product_stock SET on_hand = on_hand + :delta
                 WHERE product_id = :id AND on_hand + :delta >= reserved
                RETURNING on_hand, reserved
                """)
                .param("delta", delta)
                .param("id", id.value())
                .query((rs, row) -> new Stock(rs.getInt("on_hand"), rs.getInt("reserved")))
                .optional();
    }

    Stock stock(ProductId id) {
        return jdbc.sql("SELECT on_hand, reserved FROM product_stock WHERE product_id = :id")
                .param("id", id.value())
                .query((rs, row) -> new Stock(rs.getInt("on_hand"), rs.getInt("reserved")))
                .single();
    }

    void recordAdjustment(UUID adjustmentId, ProductId id, int delta, Stock after, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO stock_adjustments (id, product_id, delta, on_hand_after, reserved_at, adjusted_by,
                                               adjusted_at)
                VALUES (:id, :productId, :delta, :onHand, :reserved, :actor, :now)
                """)
                .param("id", adjustmentId)
                .param("productId", id.value())
                .param("delta", delta)
                .param("onHand", after.onHand())
                .param("reserved", after.reserved())
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** One page of products and how many match in all. */
    Page page(CatalogQuery query) {
        @Nullable SearchText text = query.text() == null ? null : SearchText.of(query.text());
        Where where = where(query, text);
        String order = order(query, text);
        List<Long> total = new ArrayList<>(1);
        var select = jdbc.sql(SELECT + ", count(*) OVER () AS total"
                        + " FROM products p JOIN product_stock s ON s.product_id = p.id" + where.sql()
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .param("limit", query.page().size())
                .param("offset", query.page().offset());
        for (Map.Entry<String, Object> parameter : where.parameters().entrySet()) {
            select = select.param(parameter.getKey(), parameter.getValue());
        }
        List<Product> products = select.query((rs, row) -> {
            if (row == 0) {
                total.add(rs.getLong("total"));
            }
            return map(rs, row);
        }).list();
        return new Page(products, total.isEmpty() ? count(where) : total.getFirst());
    }

    /** A page beyond the last has no row to carry the total. */
    private long count(Where where) {
        var count = jdbc.sql("SELECT count(*) FROM products p" + where.sql());
        for (Map.Entry<String, Object> parameter : where.parameters().entrySet()) {
            count = count.param(parameter.getKey(), parameter.getValue());
        }
        return count.query(Long.class).single();
    }

    List<CategoryCount> categories() {
        return jdbc.sql("SELECT category, count(*) AS products FROM products GROUP BY category ORDER BY category")
                .query((rs, row) -> new CategoryCount(rs.getString("category"), rs.getLong("products")))
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM products").query(Long.class).single();
    }

    /** Serializes loaders of the demo catalog across instances until the transaction ends. */
    void lockCatalogLoad() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('emporium.inventory-service.demo-catalog'))")
                .query((rs, row) -> 1).single();
    }

    private static Where where(CatalogQuery query, @Nullable SearchText text) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (query.category() != null) {
            conditions.add("p.category = :category");
            parameters.put("category", query.category());
        }
        if (text != null) {
            List<String> matches = new ArrayList<>();
            if (text.tsQuery() != null) {
                matches.add("p.search @@ to_tsquery('english', :tsQuery)");
                parameters.put("tsQuery", text.tsQuery());
            }
            matches.add("p.sku LIKE :skuPrefix ESCAPE '\\'");
            parameters.put("skuPrefix", text.skuPrefixPattern());
            conditions.add("(" + String.join(" OR ", matches) + ")");
        }
        String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Where(sql, parameters);
    }

    private static String order(CatalogQuery query, @Nullable SearchText text) {
        if (query.byRelevance() && text != null && text.tsQuery() != null) {
            return "ts_rank(p.search, to_tsquery('english', :tsQuery)) DESC, p.name ASC, p.id ASC";
        }
        String direction = query.page().ascending() ? "ASC" : "DESC";
        // the id breaks ties, so that paging through equal names or prices never skips or repeats a product
        return SORT_COLUMNS.get(query.page().sortField()) + " " + direction + ", p.id " + direction;
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(new ProductId(rs.getObject("id", UUID.class)), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), new Money(rs.getLong("price_minor")), rs.getString("category"),
                rs.getString("image"), rs.getLong("version"), new Stock(rs.getInt("on_hand"), rs.getInt("reserved")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    record Page(List<Product> products, long totalItems) {
    }

    private record Where(String sql, Map<String, Object> parameters) {
    }
}
