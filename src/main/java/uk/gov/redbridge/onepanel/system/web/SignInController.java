package uk.gov.redbridge.onepanel.system.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.gov.redbridge.onepanel.system.internal.SignInEntryPoint;

/** The GOV.UK sign-in page. Spring Security checks the password (POST /login). */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String signedOut,
            HttpSession session, Authentication authentication, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        boolean expired = Boolean.TRUE.equals(session.getAttribute(SignInEntryPoint.SESSION_EXPIRED));
        session.removeAttribute(SignInEntryPoint.SESSION_EXPIRED);
        model.addAttribute("failed", error != null || locked != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("expired", expired);
        return "system/sign-in";
    }
}
