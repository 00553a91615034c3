package dev.faultline.project;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformsTests {

    private static final String DSN = "https://3d2e4a1b5c6d4e7f8091a2b3c4d5e6f7@errors.example.com/42";

    @Test
    void everyPlatformsSnippetPutsTheDsnInItsCode() {
        assertThat(Platforms.all()).isNotEmpty().allSatisfy(platform -> {
            String code = Platforms.snippet(platform.id()).code(DSN);
            assertThat(code).as(platform.id()).contains(DSN).doesNotContain("{{DSN}}");
        });
    }

    @Test
    void platformIdsAreUnique() {
        assertThat(Platforms.all()).extracting(Platforms.Platform::id).doesNotHaveDuplicates();
    }

    @Test
    void aPlatformWithAnSdkGetsItsOwnSnippet() {
        assertThat(Platforms.snippet("python-django").install()).isEqualTo("pip install sentry-sdk");
        assertThat(Platforms.snippet("node").code(DSN)).contains("@sentry/node");
    }

    @Test
    void anUnknownOrMissingPlatformGetsTheGenericSnippet() {
        var generic = Platforms.snippet("other");

        assertThat(Platforms.snippet("cobol")).isEqualTo(generic);
        assertThat(Platforms.snippet(null)).isEqualTo(generic);
        assertThat(generic.code(DSN)).contains("SENTRY_DSN=" + DSN);
    }
}
