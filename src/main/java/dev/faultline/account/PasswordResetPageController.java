package dev.faultline.account;

import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PasswordResetPageController {

    private final PasswordResets resets;

    PasswordResetPageController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/reset-password")
    String requestPage() {
        return "account/reset-request";
    }

    @PostMapping("/reset-password")
    String request(@RequestParam(defaultValue = "") String email, Model model) {
        resets.request(email);
        model.addAttribute("sentTo", email.strip());
        return "account/reset-request";
    }

    @GetMapping("/reset-password/{token}")
    String setPage(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!resets.valid(token)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("expired", true);
        }
        model.addAttribute("token", token);
        return "account/reset-set";
    }

    @PostMapping("/reset-password/{token}")
    String set(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model,
            HttpServletResponse response) {
        try {
            resets.reset(token, password);
            return "redirect:/login?reset";
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            model.addAttribute("expired", "token".equals(problem.field()));
            model.addAttribute("token", token);
            return "account/reset-set";
        }
    }
}
