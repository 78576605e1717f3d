package uk.gov.redbridge.onepanel.mailbox.internal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/**
 * The intake tests again on PostgreSQL (the production database): the module's SQL, migrations and unique keys
 * behave there as on H2. {@code .ci/run} provides the database through {@code ONEPANEL_TEST_POSTGRES_URL}.
 */
@OnPostgres
class MailboxIntakePostgresTests extends MailboxIntakeTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
