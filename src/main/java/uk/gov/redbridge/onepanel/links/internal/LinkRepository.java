package uk.gov.redbridge.onepanel.links.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import uk.gov.redbridge.onepanel.links.Evidence;
import uk.gov.redbridge.onepanel.links.LinkKind;
import uk.gov.redbridge.onepanel.links.LinkState;
import uk.gov.redbridge.onepanel.links.LinkStrength;
import uk.gov.redbridge.onepanel.links.internal.Names.PersonName;

/** The links module's tables (V14_0). */
@Repository
public class LinkRepository {

    /** Lookups go in chunks of this many keys or ids (an IN list). */
    private static final int CHUNK = 500;

    /** A link shown as one: confirmed, or found and more than a suggestion. */
    private static final String ACTIVE = "(state = 'CONFIRMED' OR (state = 'FOUND' AND strength <> 'WEAK'))";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public LinkRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Taken at the start of every matching transaction: one matching at a time, across instances. */
    void lockMatching() {
        jdbc.sql("SELECT id FROM link_matching WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    Optional<String> rulesVersion() {
        return jdbc.sql("SELECT rules_version FROM link_matching WHERE id = 1").query(String.class).optional();
    }

    void rulesVersion(String version, Instant at) {
        jdbc.sql("UPDATE link_matching SET rules_version = :v, rematched_at = :at WHERE id = 1").param("v", version)
                .param("at", utc(at)).update();
    }

    // ---- people and keys

    void replacePeople(UUID referral, List<PersonProfile> people, Map<String, Set<BlockingKeys.Key>> keys) {
        jdbc.sql("DELETE FROM link_key WHERE referral_id = :r").param("r", referral).update();
        jdbc.sql("DELETE FROM link_person WHERE referral_id = :r").param("r", referral).update();
        List<Object[]> personRows = new ArrayList<>();
        for (PersonProfile p : people) {
            personRows.add(new Object[] {referral, p.slot(), p.relationship(),
                    String.join("|", p.names().stream().map(PersonName::encode).toList()),
                    p.dateOfBirth(), p.nhsNumber(), p.postcode(), p.premise()});
        }
        template.batchUpdate("INSERT INTO link_person (referral_id, slot, relationship, names, date_of_birth, "
                + "nhs_number, postcode, premise) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", personRows);
        List<Object[]> keyRows = new ArrayList<>();
        keys.forEach((slot, set) -> set.forEach(k -> keyRows.add(new Object[] {k.hash(), String.valueOf(k.kind()),
                referral, slot})));
        template.batchUpdate("INSERT INTO link_key (key_hash, kind, referral_id, slot) VALUES (?, ?, ?, ?)",
                keyRows);
    }

    /**
     * Files the people of many referrals at once, into tables that hold none of them yet: for loading a large log
     * (the benchmark). Matching files one referral at a time through {@link LinkFinder}.
     */
    public void fileAll(Map<UUID, List<PersonProfile>> people, BlockingKeys keys) {
        List<Object[]> personRows = new ArrayList<>();
        List<Object[]> keyRows = new ArrayList<>();
        people.forEach((referral, list) -> {
            for (PersonProfile p : list) {
                personRows.add(new Object[] {referral, p.slot(), p.relationship(),
                        String.join("|", p.names().stream().map(PersonName::encode).toList()),
                        p.dateOfBirth(), p.nhsNumber(), p.postcode(), p.premise()});
                for (BlockingKeys.Key k : keys.of(p)) {
                    keyRows.add(new Object[] {k.hash(), String.valueOf(k.kind()), referral, p.slot()});
                }
            }
        });
        template.batchUpdate("INSERT INTO link_person (referral_id, slot, relationship, names, date_of_birth, "
                + "nhs_number, postcode, premise) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", personRows);
        template.batchUpdate("INSERT INTO link_key (key_hash, kind, referral_id, slot) VALUES (?, ?, ?, ?)",
                keyRows);
    }

    /** A person somewhere else who shares a key. */
    record Candidate(UUID referral, String slot, String keyHash) {
    }

    List<Candidate> sharing(Collection<String> keyHashes, UUID except) {
        List<Candidate> out = new ArrayList<>();
        for (List<String> chunk : chunks(new ArrayList<>(keyHashes))) {
            out.addAll(jdbc.sql("SELECT key_hash, referral_id, slot FROM link_key WHERE key_hash IN (:k) "
                    + "AND referral_id <> :r").param("k", chunk).param("r", except)
                    .query((rs, n) -> new Candidate(rs.getObject("referral_id", UUID.class), rs.getString("slot"),
                            rs.getString("key_hash"))).list());
        }
        return out;
    }

    /** How many people are filed under each key (for common names). */
    Map<String, Integer> counts(Collection<String> keyHashes) {
        Map<String, Integer> out = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(keyHashes))) {
            jdbc.sql("SELECT key_hash, COUNT(*) AS n FROM link_key WHERE key_hash IN (:k) GROUP BY key_hash")
                    .param("k", chunk).query((rs, n) -> out.put(rs.getString("key_hash"), rs.getInt("n"))).list();
        }
        return out;
    }

    /** The people of these referrals, by referral. */
    Map<UUID, List<PersonProfile>> people(Collection<UUID> referrals) {
        Map<UUID, List<PersonProfile>> out = new HashMap<>();
        for (List<UUID> chunk : chunks(new ArrayList<>(referrals))) {
            jdbc.sql("SELECT * FROM link_person WHERE referral_id IN (:r)").param("r", chunk).query((rs, n) -> {
                out.computeIfAbsent(rs.getObject("referral_id", UUID.class), k -> new ArrayList<>()).add(person(rs));
                return null;
            }).list();
        }
        return out;
    }

    List<PersonProfile> people(UUID referral) {
        return jdbc.sql("SELECT * FROM link_person WHERE referral_id = :r ORDER BY slot").param("r", referral)
                .query((rs, n) -> person(rs)).list();
    }

    /** The relationship to the subject each person of a referral has, by slot (section 3 only). */
    public Map<String, String> relationships(UUID referral) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("SELECT slot, relationship FROM link_person WHERE referral_id = :r AND relationship IS NOT NULL")
                .param("r", referral).query((rs, n) -> out.put(rs.getString("slot"), rs.getString("relationship")))
                .list();
        return out;
    }

    private static PersonProfile person(ResultSet rs) throws SQLException {
        String names = rs.getString("names");
        List<PersonName> list = new ArrayList<>();
        if (names != null && !names.isBlank()) {
            for (String n : names.split("\\|")) {
                list.add(PersonName.decode(n));
            }
        }
        return new PersonProfile(rs.getString("slot"), rs.getString("relationship"), list,
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("nhs_number"), rs.getString("postcode"),
                rs.getString("premise"));
    }

    // ---- links

    public List<StoredLink> linksOf(UUID referral) {
        List<StoredLink> out = new ArrayList<>(jdbc.sql("SELECT * FROM referral_link WHERE referral_a = :r")
                .param("r", referral).query((rs, n) -> link(rs)).list());
        out.addAll(jdbc.sql("SELECT * FROM referral_link WHERE referral_b = :r").param("r", referral)
                .query((rs, n) -> link(rs)).list());
        return out;
    }

    public Optional<StoredLink> find(UUID id) {
        return jdbc.sql("SELECT * FROM referral_link WHERE id = :id").param("id", id).query((rs, n) -> link(rs))
                .optional();
    }

    Optional<StoredLink> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM referral_link WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> link(rs)).optional();
    }

    /** Links (not suggestions, not rejected) found at or after a moment. */
    public List<StoredLink> foundSince(Instant since) {
        return jdbc.sql("SELECT * FROM referral_link WHERE found_at >= :since AND " + ACTIVE + " ORDER BY found_at").param("since", utc(since))
                .query((rs, n) -> link(rs)).list();
    }

    /** Every link (not a suggestion, not rejected) touching one of these referrals. */
    public List<StoredLink> activeLinksOf(Collection<UUID> referrals) {
        List<StoredLink> out = new ArrayList<>();
        for (List<UUID> chunk : chunks(new ArrayList<>(referrals))) {
            for (String column : new String[] {"referral_a", "referral_b"}) {
                out.addAll(jdbc.sql("SELECT * FROM referral_link WHERE " + column + " IN (:r) "
                        + "AND " + ACTIVE).param("r", chunk)
                        .query((rs, n) -> link(rs)).list());
            }
        }
        return out.stream().distinct().toList();
    }

    /**
     * Inserts new links in one JDBC batch: a referral about a person already known from many referrals finds a link to
     * each of them, and one statement per link was most of matching's time in a backlog (issue 14).
     */
    void insertAll(List<StoredLink> links) {
        if (links.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(links.size());
        for (StoredLink l : links) {
            rows.add(new Object[] {l.id(), l.referralA(), l.slotA(), l.referralB(), l.slotB(), l.kind().name(),
                    l.strength().name(), StoredLink.encode(l.evidence()), l.state().name(), l.current(),
                    utc(l.foundAt()), utc(l.updatedAt())});
        }
        template.batchUpdate("""
                INSERT INTO referral_link (id, referral_a, slot_a, referral_b, slot_b, kind, strength, evidence, state,
                    is_current, found_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** What the latest matching found for a stored pair; the state is set by the caller. */
    void refound(UUID id, LinkKind kind, LinkStrength strength, EnumSet<Evidence> evidence, LinkState state,
            Instant at) {
        jdbc.sql("UPDATE referral_link SET kind = :kind, strength = :strength, evidence = :evidence, state = :state, "
                + "is_current = TRUE, updated_at = :at WHERE id = :id").param("kind", kind.name())
                .param("strength", strength.name()).param("evidence", StoredLink.encode(evidence))
                .param("state", state.name()).param("at", utc(at)).param("id", id).update();
    }

    void notCurrent(UUID id, Instant at) {
        jdbc.sql("UPDATE referral_link SET is_current = FALSE, updated_at = :at WHERE id = :id AND is_current = TRUE")
                .param("at", utc(at)).param("id", id).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM referral_link WHERE id = :id").param("id", id).update();
    }

    void decide(UUID id, LinkState state, String by, Instant at, String reason, EnumSet<Evidence> evidence) {
        jdbc.sql("UPDATE referral_link SET state = :state, decided_by = :by, decided_at = :at, decision_reason = "
                + ":reason, decided_evidence = :evidence, updated_at = :at WHERE id = :id").param("state", state.name())
                .param("by", by).param("at", utc(at)).param("reason", reason)
                .param("evidence", StoredLink.encode(evidence)).param("id", id).update();
        jdbc.sql("INSERT INTO referral_link_decision (id, link_id, decision, evidence, reason, decided_by, decided_at) "
                + "VALUES (:id, :link, :decision, :evidence, :reason, :by, :at)").param("id", UUID.randomUUID())
                .param("link", id).param("decision", state.name()).param("evidence", StoredLink.encode(evidence))
                .param("reason", reason).param("by", by).param("at", utc(at)).update();
    }

    private static StoredLink link(ResultSet rs) throws SQLException {
        return new StoredLink(rs.getObject("id", UUID.class), rs.getObject("referral_a", UUID.class),
                rs.getString("slot_a"), rs.getObject("referral_b", UUID.class), rs.getString("slot_b"),
                LinkKind.valueOf(rs.getString("kind")), LinkStrength.valueOf(rs.getString("strength")),
                StoredLink.decode(rs.getString("evidence")), LinkState.valueOf(rs.getString("state")),
                rs.getBoolean("is_current"), instant(rs, "found_at"), instant(rs, "updated_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_reason"),
                StoredLink.decode(rs.getString("decided_evidence")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
