package dev.faultline.account;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.faultline.account.Scope.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScopeTests {

    @Test
    void aHigherLevelSatisfiesTheLowerOnesOfTheSameResource() {
        assertThat(PROJECT_ADMIN.satisfies(PROJECT_WRITE)).isTrue();
        assertThat(PROJECT_ADMIN.satisfies(PROJECT_READ)).isTrue();
        assertThat(PROJECT_WRITE.satisfies(PROJECT_READ)).isTrue();
        assertThat(MEMBER_ADMIN.satisfies(MEMBER_WRITE)).isTrue();
        assertThat(ORG_WRITE.satisfies(ORG_READ)).isTrue();
    }

    @Test
    void aLowerLevelDoesNotSatisfyAHigherOne() {
        assertThat(PROJECT_READ.satisfies(PROJECT_WRITE)).isFalse();
        assertThat(PROJECT_WRITE.satisfies(PROJECT_ADMIN)).isFalse();
        assertThat(EVENT_READ.satisfies(EVENT_ADMIN)).isFalse();
    }

    @Test
    void noLevelSatisfiesAnotherResource() {
        assertThat(PROJECT_ADMIN.satisfies(ORG_READ)).isFalse();
        assertThat(ORG_ADMIN.satisfies(PROJECT_READ)).isFalse();
        assertThat(TEAM_ADMIN.satisfies(MEMBER_READ)).isFalse();
        assertThat(EVENT_ADMIN.satisfies(PROJECT_READ)).isFalse();
    }

    @Test
    void releasesAndIntegrationsSatisfyOnlyThemselves() {
        assertThat(PROJECT_RELEASES.satisfies(PROJECT_RELEASES)).isTrue();
        assertThat(ORG_INTEGRATIONS.satisfies(ORG_INTEGRATIONS)).isTrue();

        assertThat(PROJECT_RELEASES.satisfies(PROJECT_READ)).isFalse();
        assertThat(PROJECT_ADMIN.satisfies(PROJECT_RELEASES)).isFalse();
        assertThat(ORG_INTEGRATIONS.satisfies(ORG_READ)).isFalse();
        assertThat(ORG_ADMIN.satisfies(ORG_INTEGRATIONS)).isFalse();
    }

    @Test
    void anySatisfiesLooksAtEveryHeldScope() {
        assertThat(Scope.anySatisfies(Set.of(EVENT_READ, PROJECT_WRITE), PROJECT_READ)).isTrue();
        assertThat(Scope.anySatisfies(Set.of(EVENT_READ, PROJECT_WRITE), PROJECT_ADMIN)).isFalse();
        assertThat(Scope.anySatisfies(Set.of(), ORG_READ)).isFalse();
    }

    @Test
    void ofReadsEveryScopeByItsValue() {
        for (Scope scope : Scope.values()) {
            assertThat(Scope.of(scope.value())).isEqualTo(scope);
        }
        assertThat(Scope.of("project:releases")).isEqualTo(PROJECT_RELEASES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"project:destroy", "Project:Read", "project", "", "org:read "})
    void ofRejectsWhatIsNotAScope(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.of(value)).withMessageContaining(value);
    }

    @Test
    void valuesAreSortedNames() {
        assertThat(Scope.values(Set.of(PROJECT_READ, EVENT_ADMIN, ORG_READ)))
                .containsExactly("event:admin", "org:read", "project:read");
        assertThat(Scope.values(Scope.all())).hasSize(17);
    }
}
