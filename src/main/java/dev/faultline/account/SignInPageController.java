package dev.faultline.account;

import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInPageController {

    private final SignInService signIn;
    private final AccountService accounts;

    SignInPageController(SignInService signIn, AccountService accounts) {
        this.signIn = signIn;
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String page(@RequestParam(required = false) String next, Model model) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication) {
            return "redirect:" + safeNext(next);
        }
        if (!accounts.anyUser()) {
            return "redirect:/register";
        }
        model.addAttribute("next", safeNext(next));
        model.addAttribute("registrationOpen", accounts.registrationOpen());
        return "account/login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            signIn.signIn(email, password, request, response);
            return "redirect:" + safeNext(next);
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            if (problem.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter().toSeconds()));
            }
            model.addAttribute("problem", problem.field() == null ? problem
                    : Problem.badRequest("general", problem.detail()));
            model.addAttribute("email", email);
            model.addAttribute("next", safeNext(next));
            model.addAttribute("registrationOpen", accounts.registrationOpen());
            return "account/login";
        }
    }

    /** Only a path on this server: never an absolute URL, which would make the sign-in an open redirect. */
    static String safeNext(String next) {
        // Browsers drop tabs and other control characters from URLs: "/\t/evil.com" would become "//evil.com".
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        // "redirect:" would read {...} as a URI template variable and fail; encoded, the braces mean the same.
        return next.replace("{", "%7B").replace("}", "%7D");
    }
}
