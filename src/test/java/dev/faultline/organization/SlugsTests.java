package dev.faultline.organization;

import java.util.Set;

import dev.faultline.api.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlugsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            My Shop (EU)           | my-shop-eu
            Café Zürich            | cafe-zurich
            backend_api            | backend_api
            --Billing--            | billing
            ACME    Inc.           | acme-inc
            """)
    void fromNameKeepsLowerCaseLettersDigitsAndSingleDashes(String name, String slug) {
        assertThat(Slugs.fromName(name, "fallback")).isEqualTo(slug);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "!!!", "日本語", "(-)"})
    void fromNameGivesTheFallbackWhenNothingIsLeft(String name) {
        assertThat(Slugs.fromName(name, "organization")).isEqualTo("organization");
    }

    @Test
    void fromNameCutsAtFiftyCharactersWithoutATrailingDash() {
        assertThat(Slugs.fromName("a".repeat(60), "x")).isEqualTo("a".repeat(50));
        assertThat(Slugs.fromName("a".repeat(49) + " bcd", "x")).isEqualTo("a".repeat(49));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop", "my-shop-2", "my_shop", "0day",
            "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij"})
    void checkAcceptsValidSlugs(String slug) {
        assertThat(Slugs.check(slug)).isEqualTo(slug);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"My-Shop", "-shop", "_shop", "my shop", "shop!", "shop/x", "café",
            "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijk"})
    void checkRejectsInvalidSlugsAsABadSlug(String slug) {
        assertThatThrownBy(() -> Slugs.check(slug)).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(400);
            assertThat(problem.field()).isEqualTo("slug");
        });
    }

    @Test
    void uniqueKeepsAFreeSlug() {
        assertThat(Slugs.unique("shop", Set.of("other")::contains)).isEqualTo("shop");
    }

    @Test
    void uniqueAppendsTheFirstFreeNumberFromTwo() {
        assertThat(Slugs.unique("shop", Set.of("shop")::contains)).isEqualTo("shop-2");
        assertThat(Slugs.unique("shop", Set.of("shop", "shop-2")::contains)).isEqualTo("shop-3");
    }

    @Test
    void uniqueStaysAValidSlugForALongName() {
        String base = "a".repeat(50);

        String slug = Slugs.unique(base, Set.of(base)::contains);

        assertThat(slug).isEqualTo("a".repeat(46) + "-2");
        assertThat(Slugs.check(slug)).isEqualTo(slug);
    }
}
