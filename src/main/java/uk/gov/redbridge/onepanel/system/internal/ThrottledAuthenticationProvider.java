package uk.gov.redbridge.onepanel.system.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Spring Security's {@link DaoAuthenticationProvider} (user names and bcrypt hashes from {@link UserAccounts}, whose
 * locked user names it refuses before checking a password), with one check before it: an address locked for too
 * many failed sign-ins is refused whatever user name it tries.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (throttle.addressLocked(SignInThrottle.remote(authentication.getDetails()))) {
            throw new LockedException("too many failed sign-ins from this address");
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
