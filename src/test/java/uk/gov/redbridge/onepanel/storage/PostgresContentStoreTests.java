package uk.gov.redbridge.onepanel.storage;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** Storage on PostgreSQL: bytes round-trip through BYTEA. */
@OnPostgres
class PostgresContentStoreTests extends ContentStoreTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
