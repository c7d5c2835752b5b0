package com.emporium.inventory.catalog.web;

import com.emporium.inventory.catalog.VersionRequired;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A product's version on the wire: its {@code ETag} is the version as a strong entity tag ({@code "7"}), and an
 * admin write names the version it was based on with {@code If-Match: "7"}.
 */
final class Versions {

    private static final Pattern STRONG_TAG = Pattern.compile("\"([0-9]{1,18})\"");

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version {@code If-Match} names. Missing (or {@code *}, which would skip the check) → 428; anything but one
     * strong tag of a version → 400.
     */
    static long fromIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new VersionRequired();
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw CatalogParameters.invalid("If-Match", "must be one ETag of this API, such as \"7\"");
        }
        return Long.parseLong(tag.group(1));
    }
}
