package uk.gov.redbridge.onepanel.exceptions.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.gov.redbridge.onepanel.exceptions.ExceptionFilter;
import uk.gov.redbridge.onepanel.exceptions.ExceptionId;
import uk.gov.redbridge.onepanel.exceptions.ExceptionPage;
import uk.gov.redbridge.onepanel.exceptions.ExceptionReason;
import uk.gov.redbridge.onepanel.exceptions.ExceptionStatus;
import uk.gov.redbridge.onepanel.shared.web.BadQuery;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;

/** The exceptions queue for integrations and checks (HTTP Basic, role API). */
@RestController
class ExceptionApiController {

    private final ExceptionsQueue queue;

    ExceptionApiController(ExceptionsQueue queue) {
        this.queue = queue;
    }

    record Item(String id, String reason, String title, String explanation, String action, String status,
            String messageId, String referral, String outboundMailId, String mailbox, Instant createdAt,
            Instant resolvedAt, String resolvedBy, String resolution, String links, List<String> attachments) {

        static Item of(ExceptionItem e) {
            return new Item(e.id().toString(), e.reason().code(), e.reason().title(), e.explanation(),
                    e.reason().action(), e.status().name(), e.messageId() == null ? null : e.messageId().toString(),
                    e.referralReference(), e.outboundMailId() == null ? null : e.outboundMailId().toString(),
                    e.mailbox(), e.createdAt(), e.resolvedAt(), e.resolvedBy(), e.resolution(),
                    e.messageId() == null ? null : "/api/messages/" + e.messageId(), e.attachmentNames());
        }
    }

    /**
     * A page of the queue and where it stands in the whole: {@code total} items match, this is page {@code page} of
     * {@code pages}; {@code next} is the address of the next page (null on the last).
     */
    record Queue(Map<String, Integer> openByReason, long total, int page, int size, int pages, String next,
            List<Item> items) {
    }

    static final int DEFAULT_SIZE = 100;

    /**
     * The queue, oldest first, a page at a time: {@code status} OPEN (default) or RESOLVED, {@code reason} (a code,
     * e.g. {@code no_form_found}), {@code mailbox} (its name), {@code page} from 1, {@code size} 1 to 500
     * ({@code limit} is the old name of {@code size}). Anything else is a 400 problem.
     */
    @GetMapping("/api/exceptions")
    Queue list(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String mailbox, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String limit) {
        ExceptionStatus wanted = switch (status.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "OPEN" -> ExceptionStatus.OPEN;
            case "RESOLVED" -> ExceptionStatus.RESOLVED;
            default -> throw new BadQuery("status", "status is OPEN or RESOLVED");
        };
        ExceptionReason byReason = null;
        if (reason != null && !reason.isBlank()) {
            byReason = java.util.Arrays.stream(ExceptionReason.values())
                    .filter(r -> r.code().equalsIgnoreCase(reason.strip())).findFirst()
                    .orElseThrow(() -> new BadQuery("reason", "reason is one of the codes in openByReason"));
        }
        int pageNumber = BadQuery.positiveNumber("page", page, "page is a whole number from 1");
        String sizeText = size != null ? size : limit;
        int pageSize = sizeText == null || sizeText.isBlank() ? DEFAULT_SIZE
                : BadQuery.positiveNumber("size", sizeText, "size is a whole number from 1 to "
                        + ExceptionsQueue.MAX_PAGE_SIZE);
        if (pageSize > ExceptionsQueue.MAX_PAGE_SIZE) {
            throw new BadQuery("size", "size is a whole number from 1 to " + ExceptionsQueue.MAX_PAGE_SIZE);
        }
        String box = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
        ExceptionPage found = queue.page(new ExceptionFilter(wanted, byReason, box), pageNumber, pageSize);
        Map<String, Integer> counts = new LinkedHashMap<>();
        queue.openCountsByReason().forEach((r, n) -> counts.put(r.code(), n));
        String next = pageNumber >= found.pages() ? null
                : org.springframework.web.util.UriComponentsBuilder.fromPath("/api/exceptions")
                        .queryParam("status", wanted.name())
                        .queryParamIfPresent("reason", java.util.Optional.ofNullable(byReason).map(ExceptionReason::code))
                        .queryParamIfPresent("mailbox", java.util.Optional.ofNullable(box))
                        .queryParam("page", pageNumber + 1).queryParam("size", pageSize).encode().build().toUriString();
        return new Queue(counts, found.total(), pageNumber, pageSize, found.pages(), next,
                found.items().stream().map(Item::of).toList());
    }

    @GetMapping(path = "/api/exceptions/{id}", name = "api.exception-read")
    Item detail(@PathVariable String id) {
        try {
            return queue.find(ExceptionId.of(id)).map(Item::of)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such exception"));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such exception");
        }
    }
}
