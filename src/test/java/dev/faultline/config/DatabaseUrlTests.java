package dev.faultline.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTests {

    @Test
    void readsGlitchtipsUrlForm() {
        var target = DatabaseTarget.fromUrl("postgres://glitchtip:secret@db.example.com:5433/glitchtip");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/glitchtip");
        assertThat(target.user()).isEqualTo("glitchtip");
        assertThat(target.password()).isEqualTo("secret");
    }

    @Test
    void acceptsThePostgresqlSchemeAndDefaultsThePort() {
        assertThat(DatabaseTarget.fromUrl("postgresql://u@localhost/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/db");
    }

    @Test
    void decodesPercentEncodedCredentialsButKeepsPlusSigns() {
        var target = DatabaseTarget.fromUrl("postgres://us%40er:p%3Ass+w%2Fd@localhost/db");

        assertThat(target.user()).isEqualTo("us@er");
        assertThat(target.password()).isEqualTo("p:ss+w/d");
    }

    @Test
    void passesQueryOptionsToTheDriver() {
        assertThat(DatabaseTarget.fromUrl("postgres://u:p@db/x?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/x?sslmode=require");
    }

    @Test
    void takesJdbcUrlsAsTheyAre() {
        var target = DatabaseTarget.fromUrl("jdbc:postgresql://db:5432/x?user=u&password=p");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x?user=u&password=p");
        assertThat(target.user()).isNull();
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(DatabaseTarget.fromUrl("postgres://u:hunter2@db/x").toString()).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:p@db/x", "postgres://db", "postgres://db/", "db:5432/x", "://nothing"})
    void refusesWhatIsNotAPostgresUrl(String value) {
        assertThatThrownBy(() -> DatabaseTarget.fromUrl(value))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.variable()).isEqualTo("DATABASE_URL"));
    }
}
