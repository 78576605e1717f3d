package uk.gov.redbridge.onepanel.requests.internal;

import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.instant;
import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily digests sent to the secretariat: up to when each covered, so that none is sent twice. */
@Repository
class DigestRecords {

    private final JdbcClient jdbc;

    DigestRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lastDigestUntil() {
        return jdbc.sql("SELECT MAX(covers_until) FROM request_digest")
                .query((rs, n) -> Optional.ofNullable(instant(rs, 1))).single();
    }

    boolean digestSent(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM request_digest WHERE digest_date = :day").param("day", day)
                .query(Integer.class).single() > 0;
    }

    void insertDigest(LocalDate day, Instant from, Instant until, UUID outboundMailId) {
        jdbc.sql("INSERT INTO request_digest (digest_date, covers_from, covers_until, outbound_mail_id) "
                        + "VALUES (:day, :from, :until, :mail)")
                .param("day", day).param("from", utc(from)).param("until", utc(until)).param("mail", outboundMailId)
                .update();
    }
}
