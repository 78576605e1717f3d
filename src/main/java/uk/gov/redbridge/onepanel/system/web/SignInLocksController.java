package uk.gov.redbridge.onepanel.system.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.redbridge.onepanel.system.internal.SignInThrottle;

/**
 * The secretariat's view of sign-in locks: user names and addresses refused for too many failed sign-ins, with
 * when each lifts, and a button to clear one sooner (audited as {@code sign-in.unlocked}).
 */
@Controller
class SignInLocksController {

    private final SignInThrottle throttle;

    SignInLocksController(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping(path = "/sign-in-locks", name = "sign-in-locks.viewed")
    String locks(Model model) {
        model.addAttribute("locks", throttle.current());
        return "system/sign-in-locks";
    }

    @PostMapping(path = "/sign-in-locks/unlock", name = "sign-in-locks.unlocked")
    String unlock(@RequestParam String kind, @RequestParam String key, Authentication who,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (!kind.equals("username") && !kind.equals("address")) {
            return "redirect:/sign-in-locks";
        }
        if (throttle.unlock(kind, key, who.getName(), request.getRemoteAddr())) {
            redirect.addFlashAttribute("unlocked", true);
        }
        return "redirect:/sign-in-locks";
    }
}
