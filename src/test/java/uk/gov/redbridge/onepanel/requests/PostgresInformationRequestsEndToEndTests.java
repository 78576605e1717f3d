package uk.gov.redbridge.onepanel.requests;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** The same end-to-end request tests on PostgreSQL, the production database. */
@External
class PostgresInformationRequestsEndToEndTests extends InformationRequestsEndToEndTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
