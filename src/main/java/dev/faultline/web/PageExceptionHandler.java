package dev.faultline.web;

import dev.faultline.api.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A {@link Problem} that a page did not handle itself (an organization the user is not in, an action their role
 * does not allow) becomes the error page with its status and message. The API's own handler comes first for
 * REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(Problem.class)
    String problem(Problem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        model.addAttribute("status", problem.status().value());
        model.addAttribute("reason", problem.status().getReasonPhrase());
        model.addAttribute("message", problem.detail());
        return "web/error";
    }
}
