package dev.faultline.account;

import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's own pages: account details, password, theme and API tokens. */
@Controller
class ProfilePageController {

    private static final List<String> TIME_ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .toList();

    private final AccountService accounts;
    private final ApiTokens tokens;

    ProfilePageController(AccountService accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/profile")
    String profile(Caller caller, Model model) {
        return profilePage(caller, model);
    }

    @PostMapping("/profile")
    String update(Caller caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "UTC") String timeZone,
            @RequestParam(defaultValue = "system") String theme, Model model, HttpServletResponse response) {
        try {
            accounts.updateProfile(caller.userId(), name, email, timeZone, theme);
            return "redirect:/profile?saved";
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            return profilePage(caller, model);
        }
    }

    @PostMapping("/profile/password")
    String changePassword(Caller caller, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            accounts.changePassword(caller.userId(), currentPassword, newPassword,
                    SignInService.currentSessionToken(request));
            return "redirect:/profile?passwordChanged";
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", "password".equals(problem.field())
                    ? Problem.badRequest("newPassword", problem.detail()) : problem);
            return profilePage(caller, model);
        }
    }

    @GetMapping("/profile/auth-tokens")
    String tokens(Caller caller, Model model) {
        return tokensPage(caller, model);
    }

    @PostMapping("/profile/auth-tokens")
    String createToken(Caller caller, @RequestParam(defaultValue = "") String label,
            @RequestParam(required = false) List<String> scopes, Model model, HttpServletResponse response) {
        try {
            var created = tokens.create(caller.userId(), label, scopes);
            model.addAttribute("created", created);
        }
        catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem);
            model.addAttribute("label", label);
            model.addAttribute("chosenScopes", scopes == null ? List.of() : scopes);
        }
        return tokensPage(caller, model);
    }

    @PostMapping("/profile/auth-tokens/{id}/delete")
    String revokeToken(Caller caller, @PathVariable long id) {
        tokens.revoke(caller.userId(), id);
        return "redirect:/profile/auth-tokens?revoked";
    }

    private String profilePage(Caller caller, Model model) {
        model.addAttribute("user", accounts.user(caller.userId()).orElseThrow(Problem::notFound));
        model.addAttribute("timeZones", TIME_ZONES);
        return "account/profile";
    }

    private String tokensPage(Caller caller, Model model) {
        model.addAttribute("tokens", tokens.list(caller.userId()));
        model.addAttribute("allScopes", Scope.values(Scope.all()));
        if (!model.containsAttribute("chosenScopes")) {
            model.addAttribute("chosenScopes", List.of());
        }
        return "account/tokens";
    }
}
