package com.emporium.inventory.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a shopper typed, made safe for the two searches it feeds: a PostgreSQL text query where every word is a
 * prefix ({@code "espres mug"} → {@code espres:* & mug:*}, so results come while typing), built from letters and
 * digits only so that nothing typed is ever read as query syntax; and a LIKE pattern for skus that start with it.
 */
record SearchText(@Nullable String tsQuery, String skuPrefixPattern) {

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;

    static SearchText of(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_A_WORD_CHARACTER.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word + ":*");
            }
        }
        String tsQuery = words.isEmpty() ? null : String.join(" & ", words);
        return new SearchText(tsQuery, likeEscape(text.strip().toUpperCase(Locale.ROOT)) + "%");
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
