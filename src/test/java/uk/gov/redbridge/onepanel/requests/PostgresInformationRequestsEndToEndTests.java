package uk.gov.redbridge.onepanel.requests;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** The same end-to-end request tests on PostgreSQL, the production database. */
@OnPostgres
class PostgresInformationRequestsEndToEndTests extends InformationRequestsEndToEndTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
