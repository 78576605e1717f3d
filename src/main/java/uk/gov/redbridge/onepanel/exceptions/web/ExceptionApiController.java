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

import uk.gov.redbridge.onepanel.exceptions.ExceptionId;
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
            Instant resolvedAt, String resolvedBy, String resolution, String links) {

        static Item of(ExceptionItem e) {
            return new Item(e.id().toString(), e.reason().code(), e.reason().title(), e.explanation(),
                    e.reason().action(), e.status().name(), e.messageId() == null ? null : e.messageId().toString(),
                    e.referralReference(), e.outboundMailId() == null ? null : e.outboundMailId().toString(),
                    e.mailbox(), e.createdAt(), e.resolvedAt(), e.resolvedBy(), e.resolution(),
                    e.messageId() == null ? null : "/api/messages/" + e.messageId());
        }
    }

    record Queue(Map<String, Integer> openByReason, List<Item> items) {
    }

    @GetMapping("/api/exceptions")
    Queue list(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "500") int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        queue.openCountsByReason().forEach((reason, n) -> counts.put(reason.code(), n));
        List<ExceptionItem> items = "RESOLVED".equalsIgnoreCase(status) ? queue.resolved(Math.min(limit, 5000))
                : queue.open(Math.min(limit, 5000));
        return new Queue(counts, items.stream().map(Item::of).toList());
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
