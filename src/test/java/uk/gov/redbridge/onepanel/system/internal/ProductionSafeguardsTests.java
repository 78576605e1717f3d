package uk.gov.redbridge.onepanel.system.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The production profile's refusals: no users, no start; a plain password in configuration, no start. */
class ProductionSafeguardsTests {

    @Test
    void withoutConfiguredUsersOrOidcTheServiceRefusesToStart() {
        SecuritySettings production = new SecuritySettings(false, null, List.of(), true, false);
        assertThatThrownBy(() -> new UserSeeder(production, null, PasswordEncoderFactories.createDelegatingPasswordEncoder()))
                .hasMessageContaining("No users are configured");
    }

    @Test
    void anOidcProviderIsEnoughToStart() {
        SecuritySettings production = new SecuritySettings(false, null, List.of(), true, true);
        assertThatNoException().isThrownBy(
                () -> new UserSeeder(production, null, PasswordEncoderFactories.createDelegatingPasswordEncoder()));
    }

    @Test
    void aPlainPasswordInConfigurationIsRefused() {
        SecuritySettings settings = new SecuritySettings(false, null, List.of(new SecuritySettings.ConfiguredUser(
                "chair", "letmein", List.of("CHAIR"), "Chair")), true, false);
        UserSeeder seeder = new UserSeeder(settings, null, PasswordEncoderFactories.createDelegatingPasswordEncoder());
        assertThatThrownBy(() -> seeder.run(null)).hasMessageContaining("never a plain password");
    }
}
