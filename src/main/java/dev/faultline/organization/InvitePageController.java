package dev.faultline.organization;

import dev.faultline.account.AccountService;
import dev.faultline.account.Caller;
import dev.faultline.account.CallerAuthentication;
import dev.faultline.account.SignInService;
import dev.faultline.account.User;
import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation email links to. A signed-in user joins with one click; someone without an account creates
 * one here, even when open registration is off, and joins with it.
 */
@Controller
class InvitePageController {

    private final Members members;
    private final AccountService accounts;
    private final SignInService signIn;

    InvitePageController(Members members, AccountService accounts, SignInService signIn) {
        this.members = members;
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @GetMapping("/accept/{id}/{token}")
    String page(@PathVariable long id, @PathVariable String token, Model model) {
        return invitationPage(id, token, model);
    }

    @PostMapping("/accept/{id}/{token}")
    String accept(@PathVariable long id, @PathVariable String token, Model model, HttpServletResponse response) {
        Caller caller = signedIn();
        if (caller == null) {
            return "redirect:/login?next=/accept/" + id + "/" + token;
        }
        try {
            return "redirect:/" + members.accept(caller, id, token) + "/issues";
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            return invitationPage(id, token, model);
        }
    }

    @PostMapping("/accept/{id}/{token}/register")
    String register(@PathVariable long id, @PathVariable String token, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        members.invitation(id, token);
        try {
            User user = accounts.register(email, name, password, true);
            signIn.startSession(user, request, response);
            return "redirect:/" + members.accept(Caller.signedIn(user.id(), user.superuser()), id, token) + "/issues";
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            return invitationPage(id, token, model);
        }
    }

    private String invitationPage(long id, String token, Model model) {
        model.addAttribute("invitation", members.invitation(id, token));
        model.addAttribute("token", token);
        model.addAttribute("signedIn", signedIn() != null);
        return "organization/accept";
    }

    private static Caller signedIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication
                ? authentication.caller() : null;
    }
}
