package com.emporium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import com.emporium.platform.web.ProblemException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageQueryTest {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    @Test
    void takesDefaultsWhenNothingIsGiven() {
        assertThat(PageQuery.of(null, null, null, SORTABLE, "createdAt,desc"))
                .isEqualTo(new PageQuery(0, 20, "createdAt", false));
    }

    @Test
    void readsFieldAndDirection() {
        PageQuery query = PageQuery.of(3, 10, "name,asc", SORTABLE, "createdAt");

        assertThat(query).isEqualTo(new PageQuery(3, 10, "name", true));
        assertThat(query.offset()).isEqualTo(30);
    }

    @Test
    void refusesWhatCouldReachSqlOrHurtTheServer() {
        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> PageQuery.of(0, 20, "name; drop table users", SORTABLE, "name"));
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> PageQuery.of(0, 0, null, SORTABLE, "name"));
        assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> PageQuery.of(-1, 20, null, SORTABLE, "name"));
        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> PageQuery.of(0, 20, "name,sideways", SORTABLE, "name"));
    }

    @Test
    void capsTheSize() {
        assertThat(PageQuery.of(0, 5000, null, SORTABLE, "name").size()).isEqualTo(PageQuery.MAX_SIZE);
    }

    @Test
    void countsPages() {
        PageQuery query = PageQuery.of(0, 10, null, SORTABLE, "name");

        assertThat(PageResponse.of(List.of("a"), query, 21).totalPages()).isEqualTo(3);
        assertThat(PageResponse.of(List.of(), query, 0).totalPages()).isZero();
    }
}
