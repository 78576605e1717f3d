package uk.gov.redbridge.onepanel.system.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoUser creates the demo user {@code secretariat} (roles SECRETARIAT and API) at start-up, with the password
 *                 from the environment variable ONEPANEL_DEMO_PASSWORD or a random one printed in the log. Embedded
 *                 default only: the production profile turns it off.
 * @param demoPassword the demo user's password (application.yml takes it from ONEPANEL_DEMO_PASSWORD); random when
 *                 empty
 * @param users    users configured by the council: username, a bcrypt hash ({@code {bcrypt}$2a$...}) and roles
 * @param requireConfiguredUsers refuse to start without at least one configured user or an OIDC provider
 *                 (production)
 * @param oidcEnabled sign-in through an OpenID Connect provider (Microsoft Entra ID) is configured instead
 */
@ConfigurationProperties("onepanel.security")
record SecuritySettings(
        @DefaultValue("false") boolean demoUser,
        String demoPassword,
        List<ConfiguredUser> users,
        @DefaultValue("false") boolean requireConfiguredUsers,
        @DefaultValue("false") boolean oidcEnabled) {

    SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record ConfiguredUser(String username, String passwordHash, List<String> roles, String displayName) {
    }
}
