package dev.faultline.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where errors end that no controller answered (unknown paths, wrong methods, failures in filters): JSON
 * {@code {"detail": ...}} for the API and for clients that do not ask for HTML, a page for browsers.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        if (isApi(request)) {
            return "forward:/error/json";
        }
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        model.addAttribute("message", message(status));
        return "web/error";
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, String>> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("detail", message(status)));
    }

    @RequestMapping("/error/json")
    ResponseEntity<Map<String, String>> forwardedJson(HttpServletRequest request) {
        return json(request);
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String message(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found.";
            case METHOD_NOT_ALLOWED -> "Method not allowed.";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case BAD_REQUEST -> "Bad request.";
            case FORBIDDEN -> "You do not have permission to perform this action.";
            case UNAUTHORIZED -> "Authentication credentials were not provided.";
            default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                    : status.getReasonPhrase() + ".";
        };
    }
}
