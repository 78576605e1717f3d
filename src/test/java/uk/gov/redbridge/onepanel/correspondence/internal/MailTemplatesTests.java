package uk.gov.redbridge.onepanel.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTemplatesTests {

    static CorrespondenceSettings settings(String location) {
        return new CorrespondenceSettings(location, Duration.ofSeconds(60), "onepanel.redbridge.gov.uk",
                "redbridge-one-panel", "Redbridge One Panel", Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofMinutes(10), 30, "test");
    }

    @Test
    void rendersTheShippedAcknowledgementsWithoutPersonalDataInTheSubject() throws IOException {
        MailTemplates templates = new MailTemplates(settings("mail-templates"));
        Map<String, Object> model = Map.of("reference", "OP-2026-0007", "pathway", "Adults",
                "subjectInitials", "A.N.", "receivedDate", "2 March 2026", "missing",
                List.of("the subject's date of birth or age"), "mailboxAddress", "RSAB@redbridge.gov.uk");
        MailTemplates.Rendered ack = templates.render("acknowledgement", model);
        assertThat(ack.subject()).isEqualTo("One Panel referral received: OP-2026-0007");
        assertThat(ack.text()).contains("Your reference is OP-2026-0007").doesNotContain("Values:");
        assertThat(ack.html()).contains("OP-2026-0007");
        MailTemplates.Rendered missing = templates.render("acknowledgement-needs-information", model);
        assertThat(missing.subject()).isEqualTo("One Panel referral OP-2026-0007: more information needed");
        assertThat(missing.text()).contains("- the subject's date of birth or age");
        assertThat(missing.html()).contains("<li>the subject&#39;s date of birth or age</li>");
    }

    @Test
    void aTemplateWithoutItsTextBodyStopsStartUp(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lonely.subject.txt"), "Hello");
        assertThatThrownBy(() -> new MailTemplates(settings(dir.toString())))
                .hasMessageContaining("lonely.txt is missing");
    }

    @Test
    void editsInTheFolderAreUsed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("note.subject.txt"), "Note [(${reference})]\n");
        Files.writeString(dir.resolve("note.txt"), "Body for [(${reference})]");
        MailTemplates templates = new MailTemplates(settings(dir.toString()));
        assertThat(templates.render("note", Map.of("reference", "OP-2026-0001")).text())
                .isEqualTo("Body for OP-2026-0001");
        assertThatThrownBy(() -> templates.render("missing", Map.of())).hasMessageContaining("no mail template");
    }
}
