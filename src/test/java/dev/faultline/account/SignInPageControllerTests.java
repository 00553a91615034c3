package dev.faultline.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a sign-in may send the browser afterwards: only somewhere on this server. */
class SignInPageControllerTests {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/profile", "/a/b?c=d", "/acme/issues?query=is%3Aunresolved&sort=date",
            "/accept/12/Ab-c_d"})
    void keepsAPathOnThisServer(String next) {
        assertThat(SignInPageController.safeNext(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.com", "//evil.com/profile", "http://evil.com", "https://evil.com/a",
            "javascript:alert(1)", "evil.com", "/\\evil.com", "\\\\evil.com", "/a\r\nSet-Cookie: x=y", "/a\nb",
            "/a\rb", "/\t/evil.com", "/a\u0000b"})
    void sendsAnythingElseHome(String next) {
        assertThat(SignInPageController.safeNext(next)).isEqualTo("/");
    }

    /** A redirect would read {...} as a URI template variable and fail on it. */
    @Test
    void percentEncodesBraces() {
        assertThat(SignInPageController.safeNext("/acme/issues?query={x}")).isEqualTo("/acme/issues?query=%7Bx%7D");
    }
}
