package com.emporium.inventory.catalog.web;

import com.emporium.inventory.catalog.Money;
import com.emporium.inventory.catalog.ProductDetails;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A product's details, replaced as a whole; the sku and the stock are not changed here. */
record ProductUpdateRequest(
        @NotBlank @Size(max = 200) @Nullable String name,
        @NotNull @Size(max = 2000) @Nullable String description,
        @NotNull @DecimalMin(ProductFields.MIN_PRICE) @DecimalMax(ProductFields.MAX_PRICE)
        @Digits(integer = 7, fraction = 2) @Nullable BigDecimal price,
        @NotBlank @Size(max = 40) @Pattern(regexp = ProductFields.CATEGORY) @Nullable String category,
        @NotBlank @Pattern(regexp = ProductFields.IMAGE) @Nullable String image) {

    /** Called once validation has passed: every field is there. */
    ProductDetails toDetails() {
        return new ProductDetails(name.strip(), description.strip(), Money.ofDecimal(price), category, image);
    }
}
