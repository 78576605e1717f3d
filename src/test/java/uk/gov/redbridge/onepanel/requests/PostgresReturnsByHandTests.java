package uk.gov.redbridge.onepanel.requests;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** Returns added by hand on PostgreSQL, the production database (nullable message columns, the row lock). */
@OnPostgres
class PostgresReturnsByHandTests extends ReturnsByHandTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
