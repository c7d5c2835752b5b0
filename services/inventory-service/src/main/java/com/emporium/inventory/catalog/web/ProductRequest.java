package com.emporium.inventory.catalog.web;

import com.emporium.inventory.catalog.Money;
import com.emporium.inventory.catalog.NewProduct;
import com.emporium.inventory.catalog.ProductDetails;
import com.emporium.inventory.catalog.ProductImages;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A new product: its sku (any case, kept in upper case), details, and the stock it starts with. */
record ProductRequest(
        @NotBlank @Size(min = 3, max = 32) @Pattern(regexp = ProductFields.SKU) @Nullable String sku,
        @NotBlank @Size(max = 200) @Nullable String name,
        @NotNull @Size(max = 2000) @Nullable String description,
        @NotNull @DecimalMin(ProductFields.MIN_PRICE) @DecimalMax(ProductFields.MAX_PRICE)
        @Digits(integer = 7, fraction = 2) @Nullable BigDecimal price,
        @NotBlank @Size(max = 40) @Pattern(regexp = ProductFields.CATEGORY) @Nullable String category,
        @Pattern(regexp = ProductFields.IMAGE) @Nullable String image,
        @NotNull @Min(0) @Max(ProductFields.MAX_ON_HAND) @Nullable Integer onHand) {

    /** Called once validation has passed: every required field is there. */
    NewProduct toNewProduct() {
        return new NewProduct(sku, new ProductDetails(name.strip(), description.strip(), Money.ofDecimal(price),
                category, image == null ? ProductImages.PLACEHOLDER : image), onHand);
    }
}
