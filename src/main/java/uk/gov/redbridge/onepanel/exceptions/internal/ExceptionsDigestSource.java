package uk.gov.redbridge.onepanel.exceptions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionReason;
import uk.gov.redbridge.onepanel.exceptions.ExceptionStatus;
import uk.gov.redbridge.onepanel.requests.DigestSection;
import uk.gov.redbridge.onepanel.requests.DigestSource;

/** "Exceptions waiting" in the secretariat's daily digest: open items by reason, with their references. */
@Component
class ExceptionsDigestSource implements DigestSource {

    private static final int REFERENCES_PER_REASON = 10;

    private final ExceptionRepository repository;

    ExceptionsDigestSource(ExceptionRepository repository) {
        this.repository = repository;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public DigestSection section(Instant since, Instant until) {
        Map<ExceptionReason, Integer> counts = repository.openCountsByReason();
        List<ExceptionItem> open = repository.list(ExceptionStatus.OPEN, 5000);
        List<String> lines = new ArrayList<>();
        counts.forEach((reason, n) -> {
            List<String> references = open.stream().filter(e -> e.reason() == reason)
                    .map(ExceptionItem::referralReference).filter(Objects::nonNull).distinct()
                    .limit(REFERENCES_PER_REASON).toList();
            lines.add(reason.title() + ": " + n + (references.isEmpty() ? "" : " (" + String.join(", ", references) + ")"));
        });
        long newSince = open.stream().filter(e -> !e.createdAt().isBefore(since)).count();
        if (newSince > 0) {
            lines.add(newSince + " of them new since the last digest");
        }
        return new DigestSection("Exceptions waiting", counts.values().stream().mapToInt(Integer::intValue).sum(),
                lines);
    }
}
