package uk.gov.redbridge.onepanel.links.internal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** The matcher tests on PostgreSQL (the lock row, the key lookups, the link rows). */
@OnPostgres
class PostgresLinkFinderTests extends LinkFinderTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
