package uk.gov.redbridge.onepanel.system.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.redbridge.onepanel.system.Role;

/** Users and their password hashes, in the database. */
@Service
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInThrottle throttle;

    UserAccounts(JdbcClient jdbc, Clock clock, SignInThrottle throttle) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, roles, enabled FROM app_user WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(Arrays.stream(rs.getString("roles").split(","))
                                .map(String::trim).filter(r -> !r.isEmpty())
                                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                        .disabled(!rs.getBoolean("enabled"))
                        // too many failed sign-ins: Spring Security refuses it before checking the password
                        .accountLocked(throttle.userLocked(rs.getString("username")))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** Creates or replaces a user (the demo user at each start, configured users from settings). */
    @Transactional
    public void save(String username, String passwordHash, List<Role> roles, String displayName, String source) {
        String roleList = String.join(",", roles.stream().map(Enum::name).toList());
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE app_user SET password_hash = :h, roles = :r, display_name = :d, enabled = TRUE, "
                        + "source = :s, updated_at = :now WHERE username = :u")
                .param("h", passwordHash).param("r", roleList).param("d", displayName).param("s", source)
                .param("now", now).param("u", username).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO app_user (username, password_hash, roles, display_name, enabled, source, created_at, "
                            + "updated_at) VALUES (:u, :h, :r, :d, TRUE, :s, :now, :now)")
                    .param("u", username).param("h", passwordHash).param("r", roleList).param("d", displayName)
                    .param("s", source).param("now", now).update();
        }
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE enabled = TRUE").query(Integer.class).single();
    }

    public Optional<String> displayName(String username) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).optional();
    }
}
