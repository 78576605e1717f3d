package uk.gov.redbridge.onepanel.mailbox.internal;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.External;

/**
 * The intake tests again on PostgreSQL (the production database): the module's SQL, migrations and unique keys
 * behave there as on H2. {@code .ci/run} provides the database through {@code ONEPANEL_TEST_POSTGRES_URL}.
 */
@External
@EnabledIfEnvironmentVariable(named = "ONEPANEL_TEST_POSTGRES_URL", matches = ".+")
class MailboxIntakePostgresTests extends MailboxIntakeTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("ONEPANEL_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> System.getenv("ONEPANEL_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("ONEPANEL_TEST_POSTGRES_PASSWORD"));
    }
}
