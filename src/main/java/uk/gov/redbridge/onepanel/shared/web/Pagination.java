package uk.gov.redbridge.onepanel.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The links of a GOV.UK pagination block (fragments/pagination.html): previous, the page numbers and next. A long
 * list shows the first page, the last and the two either side of this one, so that a log of years is not a row of
 * hundreds of numbers.
 *
 * @param previous the previous page's address, or null on the first page
 * @param next     the next page's address, or null on the last page
 */
public record Pagination(int page, int pages, String previous, List<Link> links, String next) {

    /** How many pages are all listed before the list is shortened. */
    static final int ALL_UP_TO = 9;
    private static final int NEAR = 2;

    /** One numbered link. */
    public record Link(int number, String href, boolean current) {
    }

    /**
     * @param page  this page, from 1 (a page past the end is the last)
     * @param pages how many pages there are (at least 1)
     * @param href  the address of page n
     */
    public static Pagination of(int page, int pages, IntFunction<String> href) {
        int last = Math.max(1, pages);
        int current = Math.min(Math.max(1, page), last);
        List<Link> links = new ArrayList<>();
        for (int n = 1; n <= last; n++) {
            if (last > ALL_UP_TO && n != 1 && n != last && Math.abs(n - current) > NEAR) {
                continue;
            }
            links.add(new Link(n, href.apply(n), n == current));
        }
        return new Pagination(current, last, current > 1 ? href.apply(current - 1) : null, List.copyOf(links),
                current < last ? href.apply(current + 1) : null);
    }

    /** Whether the block is shown at all. */
    public boolean needed() {
        return pages > 1;
    }
}
