package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.PageTestData;
import uk.gov.redbridge.onepanel.testing.Quiescence;

/**
 * The README's promise: the example emails of the shared corpus, sent to the service, each show up as a referral in
 * the log or an exception in the queue; every exception can be resolved by creating its referral; then the log
 * holds one referral per email and exports them.
 */
@External
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CorpusPagesTests {

    static final Path EMAILS = Path.of("..", "shared", "corpus", "emails");
    static final RequestPostProcessor SECRETARIAT = user("secretariat").roles("SECRETARIAT");

    @Autowired
    MockMvc mvc;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExceptionsQueue queue;

    @Test
    void everyCorpusEmailEndsAsAReferralInTheLog() throws Exception {
        List<Path> emails;
        try (Stream<Path> files = Files.list(EMAILS)) {
            emails = files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(emails).hasSizeGreaterThanOrEqualTo(4);
        PageTestData data = new PageTestData(accounts, jdbc);
        for (Path eml : emails) {
            data.deliver(Files.readAllBytes(eml), PageTestData.ONEPANEL);
        }

        for (Path eml : emails) {
            String header = uk.gov.redbridge.onepanel.mailparsing.parser.MailParser.parse(Files.readAllBytes(eml))
                    .header("Message-ID");
            String messageId = jdbc.sql("SELECT id FROM inbound_message WHERE message_id_header = :h")
                    .param("h", header).query(String.class).single();
            Optional<String> reference = referenceOf(messageId);
            if (reference.isEmpty()) {
                ExceptionItem item = queue.open(10_000).stream()
                        .filter(e -> e.messageId() != null && e.messageId().toString().equals(messageId))
                        .findFirst().orElseThrow(() -> new AssertionError(eml + ": neither a referral nor an exception"));
                assertThat(html("/exceptions")).contains(item.id().toString());
                assertThat(html("/exceptions/" + item.id())).contains(item.reason().title());
                mvc.perform(post("/exceptions/" + item.id() + "/create-referral").with(SECRETARIAT).with(csrf())
                        .param("pathway", ""));
                Quiescence.await(jdbc);
                reference = referenceOf(messageId);
            }
            assertThat(reference).as(eml.toString()).isPresent();
            assertThat(html("/referrals")).contains(reference.get());
            assertThat(html("/referrals/" + reference.get())).contains(reference.get());
            assertThat(html("/referrals/" + reference.get() + "/review")).contains("Confirm the fields");
        }
        String csv = mvc.perform(get("/referrals/export.csv").with(SECRETARIAT)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isGreaterThanOrEqualTo(emails.size() + 1L);
    }

    private Optional<String> referenceOf(String messageId) {
        return jdbc.sql("SELECT r.reference FROM referral r JOIN referral_message m ON m.referral_id = r.id "
                + "WHERE m.message_id = :m").param("m", java.util.UUID.fromString(messageId)).query(String.class)
                .optional();
    }

    private String html(String path) throws Exception {
        var response = mvc.perform(get(path).with(SECRETARIAT)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
