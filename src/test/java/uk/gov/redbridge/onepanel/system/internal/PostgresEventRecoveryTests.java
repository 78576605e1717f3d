package uk.gov.redbridge.onepanel.system.internal;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.redbridge.onepanel.testing.OnPostgres;
import uk.gov.redbridge.onepanel.testing.PostgresTestDatabase;

/** The same recovery of event publications on PostgreSQL, the production database (several instances). */
@OnPostgres
@Import(EventRecoveryTests.Listeners.class) // not inherited: the probe listener is registered per test class
class PostgresEventRecoveryTests extends EventRecoveryTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
        registry.add("onepanel.events.single-instance", () -> "false");
    }
}
