package uk.gov.redbridge.onepanel.requests.internal;

import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.instant;
import static uk.gov.redbridge.onepanel.requests.internal.RequestRepository.utc;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.requests.RequestAction;
import uk.gov.redbridge.onepanel.requests.RequestId;

/** What was done about a request (sent, reminded, overdue, escalated, a return by hand): each step recorded once. */
@Repository
public class RequestActions {

    private final JdbcClient jdbc;

    RequestActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasAction(RequestId id, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM request_action WHERE request_id = :id AND kind = :kind")
                .param("id", id.value()).param("kind", kind).query(Integer.class).single() > 0;
    }

    void insertAction(RequestId id, RequestAction a) {
        jdbc.sql("""
                INSERT INTO request_action (request_id, kind, due_on, done_at, outcome, outbound_mail_id, note,
                    done_by)
                VALUES (:id, :kind, :dueOn, :doneAt, :outcome, :mail, :note, :doneBy)""")
                .param("id", id.value()).param("kind", a.kind()).param("dueOn", a.dueOn())
                .param("doneAt", utc(a.doneAt())).param("outcome", a.outcome()).param("mail", a.outboundMailId())
                .param("note", a.note()).param("doneBy", a.doneBy())
                .update();
    }

    /** How many of the request's actions have a kind starting with the prefix (e.g. {@code return-by-hand:}). */
    int countActions(RequestId id, String kindPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM request_action WHERE request_id = :id AND kind LIKE :prefix")
                .param("id", id.value()).param("prefix", kindPrefix + "%").query(Integer.class).single();
    }

    public List<RequestAction> actions(RequestId id) {
        return jdbc.sql("SELECT * FROM request_action WHERE request_id = :id ORDER BY due_on, done_at, kind")
                .param("id", id.value())
                .query((rs, n) -> new RequestAction(rs.getString("kind"), rs.getObject("due_on", LocalDate.class),
                        instant(rs, "done_at"), rs.getString("outcome"), rs.getObject("outbound_mail_id", UUID.class),
                        rs.getString("note"), rs.getString("done_by")))
                .list();
    }
}
