package uk.gov.redbridge.onepanel.system.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.system.Role;

/**
 * Puts the configured users in place at start-up, and the demo user on embedded defaults. Production refuses to
 * start without a configured user or an OIDC provider.
 */
@Component
@Order(0)
class UserSeeder implements ApplicationRunner {

    static final String DEMO_USERNAME = "secretariat";
    private static final Logger log = LoggerFactory.getLogger(UserSeeder.class);

    private final SecuritySettings settings;
    private final UserAccounts users;
    private final PasswordEncoder encoder;

    UserSeeder(SecuritySettings settings, UserAccounts users, PasswordEncoder encoder) {
        this.settings = settings;
        this.users = users;
        this.encoder = encoder;
        if (settings.requireConfiguredUsers() && settings.users().isEmpty() && !settings.oidcEnabled()) {
            throw new IllegalStateException("No users are configured: set onepanel.security.users (username, "
                    + "password-hash, roles) or configure an OIDC provider (onepanel.security.oidc-enabled)");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        for (SecuritySettings.ConfiguredUser u : settings.users()) {
            if (u.passwordHash() == null || !u.passwordHash().startsWith("{")) {
                throw new IllegalStateException("user " + u.username() + ": password-hash must be an encoded hash "
                        + "such as {bcrypt}$2a$10$..., never a plain password");
            }
            users.save(u.username(), u.passwordHash(), u.roles().stream().map(Role::valueOf).toList(),
                    u.displayName(), "config");
        }
        if (settings.demoUser()) {
            String configured = settings.demoPassword();
            boolean given = configured != null && !configured.isBlank();
            String password = given ? configured : randomPassword();
            users.save(DEMO_USERNAME, encoder.encode(password), List.of(Role.SECRETARIAT, Role.API),
                    "Demo secretariat", "demo");
            log.info("Demo user: sign in as '{}' with password '{}'{}", DEMO_USERNAME,
                    given ? "(set by ONEPANEL_DEMO_PASSWORD)" : password,
                    " — the same credentials work for the JSON API (HTTP Basic)");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
