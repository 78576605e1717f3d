package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;

/**
 * The first referral after a start-up (issue 14): a referrer's mail sent the moment the service answers on its port
 * must be noticed at once. So the mailboxes are listening (IMAP IDLE) before the web server opens its port, not
 * after: what each mailbox's IDLE watcher was doing is recorded at the moment the web server reports its port. On
 * the code before, the watchers started only after the port was open, and all were still OFF at that moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "onepanel.mailbox.scheduled-polling=true",
        "onepanel.mailbox.poll-interval=PT1H",
        "onepanel.mailbox.idle.enabled=true"})
@ActiveProfiles("test")
class MailboxListeningBeforePortOpensTests {

    @TestConfiguration
    static class AtPortOpening {

        final Map<String, IdleWatchers.Status> seen = new ConcurrentHashMap<>();

        @Bean
        AtPortOpening portOpening() {
            return this;
        }

        @Bean
        PortListener portListener(ObjectProvider<IdleWatchers> idle, MailboxSettings settings) {
            return new PortListener(idle, settings, seen);
        }
    }

    record PortListener(ObjectProvider<IdleWatchers> idle, MailboxSettings settings,
            Map<String, IdleWatchers.Status> seen) {

        @EventListener
        void on(WebServerInitializedEvent event) {
            settings.accounts().forEach(a -> seen.put(a.name(), idle.getObject().status(a.name())));
        }
    }

    @Autowired
    AtPortOpening portOpening;
    @Autowired
    MailboxSettings settings;

    @Test
    void everyMailboxIsListeningWhenTheWebPortOpens() {
        Map<String, IdleWatchers.Status> expected = new TreeMap<>();
        settings.accounts().forEach(a -> expected.put(a.name(), IdleWatchers.Status.LISTENING));

        assertThat(expected).isNotEmpty();
        assertThat(new TreeMap<>(portOpening.seen)).isEqualTo(expected);
    }
}
