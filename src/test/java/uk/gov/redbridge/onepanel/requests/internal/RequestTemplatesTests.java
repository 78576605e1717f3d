package uk.gov.redbridge.onepanel.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.mailparsing.ReplyText;

class RequestTemplatesTests {

    /** A reply that quotes a request must never read as "not known": the shipped wording avoids every phrase. */
    @Test
    void noShippedRequestTemplateUsesANotKnownPhrase() throws IOException {
        List<String> phrases = new RequestsSettingsTests().embeddedDefaults().notKnownPhrases();
        assertThat(phrases).isNotEmpty();
        try (Stream<Path> files = Files.list(Path.of("mail-templates"))) {
            List<Path> requestTemplates = files.filter(p -> p.getFileName().toString().startsWith("information-request"))
                    .filter(p -> p.getFileName().toString().endsWith(".txt")).toList();
            assertThat(requestTemplates).hasSizeGreaterThanOrEqualTo(6);
            for (Path p : requestTemplates) {
                String withoutNotes = Files.readString(p).replaceAll("(?s)\\[# th:remove=\"all\"].*?\\[/]", "");
                assertThat(ReplyText.findPhrase(withoutNotes, phrases)).as(p.toString()).isEmpty();
            }
        }
    }
}
