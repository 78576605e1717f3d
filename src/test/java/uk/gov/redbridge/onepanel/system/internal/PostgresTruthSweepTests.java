package uk.gov.redbridge.onepanel.system.internal;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** The same sweep of truth on PostgreSQL, the production database. */
@OnPostgres
class PostgresTruthSweepTests extends TruthSweepTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
