package uk.gov.redbridge.onepanel.system.internal;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** Sign-in with a user name and password from the database, on the service's own GOV.UK page at /login. */
@Component
@ConditionalOnWebApplication
class PasswordSignIn implements SignInConfigurer {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        // a locked user name or address is told so (and when to try again), not "wrong password"
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        http.formLogin(f -> f.loginPage("/login").failureHandler(failures).permitAll());
    }
}
