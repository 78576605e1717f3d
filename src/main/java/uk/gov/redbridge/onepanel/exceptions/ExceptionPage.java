package uk.gov.redbridge.onepanel.exceptions;

import java.util.List;

/**
 * One page of the queue: its items and where it stands in the whole (never a silent cut: {@code total} is every item
 * the filter matches).
 *
 * @param page 1-based
 */
public record ExceptionPage(List<ExceptionItem> items, long total, int page, int size) {

    public ExceptionPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The number of the first item on this page, 1-based (0 when there is none). */
    public long first() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long last() {
        return items.isEmpty() ? 0 : first() + items.size() - 1;
    }
}
