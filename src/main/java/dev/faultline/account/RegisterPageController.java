package dev.faultline.account;

import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class RegisterPageController {

    private final AccountService accounts;
    private final SignInService signIn;

    RegisterPageController(AccountService accounts, SignInService signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @GetMapping("/register")
    String page(Model model) {
        if (!accounts.registrationOpen()) {
            return "account/registration-closed";
        }
        model.addAttribute("firstUser", !accounts.anyUser());
        return "account/register";
    }

    @PostMapping("/register")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            User user = accounts.register(email, name, password, false);
            signIn.startSession(user, request, response);
            return "redirect:/";
        }
        catch (Problem problem) {
            if (problem.status().value() == 403) {
                response.setStatus(403);
                return "account/registration-closed";
            }
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            model.addAttribute("firstUser", !accounts.anyUser());
            return "account/register";
        }
    }
}
