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
    /** The demo users: one per role a person signs in with, so each role's view can be tried (and tested). */
    static final java.util.Map<String, List<Role>> DEMO_USERS = demoUsers();
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
            // one rule for every demo user: the password set by ONEPANEL_DEMO_PASSWORD, or one random one
            String password = given ? configured : randomPassword();
            String hash = encoder.encode(password);
            DEMO_USERS.forEach((username, roles) -> users.save(username, hash, roles,
                    "Demo " + roles.get(0).label().toLowerCase(java.util.Locale.UK), "demo"));
            log.info("Demo users: sign in as '{}' (secretariat, and the JSON API), '{}' (chair) or '{}' (read only) "
                    + "with the password {}", DEMO_USERNAME, "chair", "readonly",
                    given ? "set by ONEPANEL_DEMO_PASSWORD" : "'" + password + "'");
        }
    }

    private static java.util.Map<String, List<Role>> demoUsers() {
        java.util.Map<String, List<Role>> users = new java.util.LinkedHashMap<>();
        users.put(DEMO_USERNAME, List.of(Role.SECRETARIAT, Role.API));
        users.put("chair", List.of(Role.CHAIR));
        users.put("readonly", List.of(Role.READONLY));
        return java.util.Collections.unmodifiableMap(users);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
