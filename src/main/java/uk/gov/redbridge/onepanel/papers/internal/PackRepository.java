package uk.gov.redbridge.onepanel.papers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.papers.IssuedPack;
import uk.gov.redbridge.onepanel.papers.NotConverted;
import uk.gov.redbridge.onepanel.papers.PackId;
import uk.gov.redbridge.onepanel.papers.PaperEntry;
import uk.gov.redbridge.onepanel.storage.ContentId;

@Repository
class PackRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Row(IssuedPack pack, ContentId contentId, String manifest) {
    }

    private final JdbcClient jdbc;
    private final PapersSettings settings;

    PackRepository(JdbcClient jdbc, PapersSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    void insert(IssuedPack pack, ContentId contentId, String manifest) {
        jdbc.sql("""
                INSERT INTO paper_pack (id, meeting_id, meeting_date, issue, issued_at, issued_by, content_id, size,
                    pages, sha256, manifest, changes, contents, not_converted)
                VALUES (:id, :meeting, :date, :issue, :at, :by, :content, :size, :pages, :sha, :manifest, :changes,
                    :contents, :notConverted)""")
                .param("id", pack.id().value())
                .param("meeting", pack.meetingId())
                .param("date", pack.meetingDate())
                .param("issue", pack.issue())
                .param("at", OffsetDateTime.ofInstant(pack.issuedAt(), ZoneOffset.UTC))
                .param("by", pack.issuedBy())
                .param("content", contentId.value())
                .param("size", pack.size())
                .param("pages", pack.pages())
                .param("sha", pack.sha256())
                .param("manifest", manifest)
                .param("changes", String.join("\n", pack.changes()))
                .param("contents", JSON.writeValueAsString(pack.contents()))
                .param("notConverted", JSON.writeValueAsString(pack.notConverted()))
                .update();
    }

    Optional<Row> latest(UUID meetingId) {
        return jdbc.sql("SELECT * FROM paper_pack WHERE meeting_id = :m ORDER BY issue DESC LIMIT 1")
                .param("m", meetingId).query(this::map).optional();
    }

    List<Row> forMeeting(UUID meetingId) {
        return jdbc.sql("SELECT * FROM paper_pack WHERE meeting_id = :m ORDER BY issue")
                .param("m", meetingId).query(this::map).list();
    }

    Optional<Row> find(PackId id) {
        return jdbc.sql("SELECT * FROM paper_pack WHERE id = :id").param("id", id.value()).query(this::map)
                .optional();
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        String changes = rs.getString("changes");
        long size = rs.getLong("size");
        IssuedPack pack = new IssuedPack(new PackId(rs.getObject("id", UUID.class)),
                rs.getObject("meeting_id", UUID.class), rs.getObject("meeting_date", java.time.LocalDate.class),
                rs.getInt("issue"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getString("issued_by"), size, rs.getInt("pages"), rs.getString("sha256"),
                changes.isEmpty() ? List.of() : Arrays.asList(changes.split("\n")),
                size < settings.attachBelow().toBytes(),
                JSON.readValue(rs.getString("contents"), new TypeReference<List<PaperEntry>>() { }),
                JSON.readValue(rs.getString("not_converted"), new TypeReference<List<NotConverted>>() { }));
        return new Row(pack, new ContentId(rs.getObject("content_id", UUID.class)), rs.getString("manifest"));
    }
}
