package dev.faultline.api;

import dev.faultline.config.BuildInfo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/0/}: clients such as sentry-cli call it to check the URL and the token. */
@RestController
class ApiRootController {

    /** {@code version} is the API's version, as in Sentry; {@code user} and {@code auth} are null for anonymous callers. */
    record ApiRoot(String version, String faultlineVersion, Object user, Object auth) {
    }

    @GetMapping({"/api/0/", "/api/0"})
    ApiRoot root() {
        return new ApiRoot("0", BuildInfo.version(), null, null);
    }
}
