package uk.gov.redbridge.onepanel.meetings;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** The same meetings tests on PostgreSQL, the production database. */
@OnPostgres
class PostgresMeetingsByEmailEndToEndTests extends MeetingsByEmailEndToEndTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
