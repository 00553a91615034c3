package dev.faultline.web;

import java.time.ZoneId;

import dev.faultline.account.AccountService;
import dev.faultline.account.CallerAuthentication;
import dev.faultline.organization.Organizations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every rendered page what the layout shows: the signed-in user (for the menu and the theme) and their
 * organizations (for the switcher). JSON answers and redirects are left alone.
 */
class LayoutInterceptor implements HandlerInterceptor {

    private final AccountService accounts;
    private final Organizations organizations;

    LayoutInterceptor(AccountService accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
            var caller = authentication.caller();
            accounts.user(caller.userId()).ifPresent(user -> {
                view.addObject("currentUser", user);
                request.setAttribute(Dates.TIME_ZONE_ATTRIBUTE, ZoneId.of(user.timeZone()));
            });
            view.addObject("memberships", organizations.memberships(caller));
        }
    }
}
