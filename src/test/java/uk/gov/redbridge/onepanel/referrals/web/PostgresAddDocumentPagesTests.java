package uk.gov.redbridge.onepanel.referrals.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** Documents added by hand on PostgreSQL, the production database: nullable message columns, the row lock. */
@OnPostgres
class PostgresAddDocumentPagesTests extends AddDocumentPagesTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
