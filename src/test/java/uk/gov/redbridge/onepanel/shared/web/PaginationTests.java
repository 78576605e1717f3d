package uk.gov.redbridge.onepanel.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaginationTests {

    @Test
    void aShortListShowsEveryPageAndMarksThisOne() {
        Pagination p = Pagination.of(2, 3, n -> "/list?page=" + n);

        assertThat(p.links()).extracting(Pagination.Link::number).containsExactly(1, 2, 3);
        assertThat(p.links()).filteredOn(Pagination.Link::current).extracting(Pagination.Link::href)
                .containsExactly("/list?page=2");
        assertThat(p.previous()).isEqualTo("/list?page=1");
        assertThat(p.next()).isEqualTo("/list?page=3");
        assertThat(p.needed()).isTrue();
    }

    @Test
    void aLongListShowsTheFirstTheLastAndThePagesNearThisOne() {
        Pagination p = Pagination.of(40, 120, n -> "/log?page=" + n);

        assertThat(p.links()).extracting(Pagination.Link::number).containsExactly(1, 38, 39, 40, 41, 42, 120);
    }

    @Test
    void theFirstPageHasNoPreviousAndTheLastNoNext() {
        assertThat(Pagination.of(1, 5, n -> "p" + n).previous()).isNull();
        assertThat(Pagination.of(5, 5, n -> "p" + n).next()).isNull();
    }

    @Test
    void onePageNeedsNoBlockAndAPagePastTheEndIsTheLast() {
        assertThat(Pagination.of(1, 1, n -> "p" + n).needed()).isFalse();
        Pagination past = Pagination.of(9, 4, n -> "p" + n);
        assertThat(past.page()).isEqualTo(4);
        assertThat(past.next()).isNull();
    }
}
