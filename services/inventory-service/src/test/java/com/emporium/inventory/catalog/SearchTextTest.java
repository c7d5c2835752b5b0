package com.emporium.inventory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void makesEveryWordAPrefixThatMustMatch() {
        SearchText text = SearchText.of("Espres  MUG");

        assertThat(text.tsQuery()).isEqualTo("espres:* & mug:*");
    }

    @Test
    void keepsOnlyLettersAndDigitsSoNothingTypedIsReadAsQuerySyntax() {
        SearchText text = SearchText.of("tea' | !kettle:* & (café)");

        assertThat(text.tsQuery()).isEqualTo("tea:* & kettle:* & café:*");
    }

    @Test
    void aTextOfNoWordsSearchesSkusOnly() {
        SearchText text = SearchText.of("--");

        assertThat(text.tsQuery()).isNull();
        assertThat(text.skuPrefixPattern()).isEqualTo("--%");
    }

    @Test
    void matchesSkusThatStartWithTheTextInUpperCaseWithLikeWildcardsEscaped() {
        assertThat(SearchText.of("cof-").skuPrefixPattern()).isEqualTo("COF-%");
        assertThat(SearchText.of("a%b_c\\").skuPrefixPattern()).isEqualTo("A\\%B\\_C\\\\%");
    }

    @Test
    void usesAtMostEightWords() {
        SearchText text = SearchText.of("a b c d e f g h i j");

        assertThat(text.tsQuery()).isEqualTo("a:* & b:* & c:* & d:* & e:* & f:* & g:* & h:*");
    }
}
