package dev.faultline.project;

import java.util.List;
import java.util.Optional;

/**
 * The platforms a project can be, with Sentry's ids, and for each SDK family the lines that send its errors here.
 * A platform without a family of its own gets the generic instructions.
 */
public final class Platforms {

    /** One SDK family's setup: a command that installs it, then the code that points it at the DSN. */
    public record Snippet(String sdk, String install, String code, String documentation) {

        public String code(String dsn) {
            return code.replace("{{DSN}}", dsn);
        }
    }

    public record Platform(String id, String name, Snippet snippet) {
    }

    private static final Snippet JAVA = new Snippet("Sentry Java SDK", """
            <!-- Maven: pom.xml -->
            <dependency>
              <groupId>io.sentry</groupId>
              <artifactId>sentry</artifactId>
              <version>8.62.0</version>
            </dependency>""", """
            import io.sentry.Sentry;

            Sentry.init(options -> {
                options.setDsn("{{DSN}}");
                options.setEnvironment("production");
                options.setRelease("my-app@1.0.0");
            });""", "https://docs.sentry.io/platforms/java/");

    private static final Snippet SPRING_BOOT = new Snippet("Sentry Spring Boot starter", """
            <!-- Maven: pom.xml -->
            <dependency>
              <groupId>io.sentry</groupId>
              <artifactId>sentry-spring-boot-jakarta</artifactId>
              <version>8.62.0</version>
            </dependency>""", """
            # application.properties
            sentry.dsn={{DSN}}
            sentry.environment=production""", "https://docs.sentry.io/platforms/java/guides/spring-boot/");

    private static final Snippet BROWSER = new Snippet("Sentry browser SDK", "npm install @sentry/browser", """
            import * as Sentry from "@sentry/browser";

            Sentry.init({
              dsn: "{{DSN}}",
              environment: "production",
              release: "my-app@1.0.0",
            });""", "https://docs.sentry.io/platforms/javascript/");

    private static final Snippet NODE = new Snippet("Sentry Node.js SDK", "npm install @sentry/node", """
            // instrument.js, loaded before anything else
            const Sentry = require("@sentry/node");

            Sentry.init({
              dsn: "{{DSN}}",
              environment: "production",
            });""", "https://docs.sentry.io/platforms/javascript/guides/node/");

    private static final Snippet PYTHON = new Snippet("Sentry Python SDK", "pip install sentry-sdk", """
            import sentry_sdk

            sentry_sdk.init(
                dsn="{{DSN}}",
                environment="production",
            )""", "https://docs.sentry.io/platforms/python/");

    private static final Snippet GO = new Snippet("Sentry Go SDK", "go get github.com/getsentry/sentry-go", """
            import (
                "log"
                "time"

                "github.com/getsentry/sentry-go"
            )

            func main() {
                if err := sentry.Init(sentry.ClientOptions{Dsn: "{{DSN}}"}); err != nil {
                    log.Fatalf("sentry.Init: %s", err)
                }
                defer sentry.Flush(2 * time.Second)
            }""", "https://docs.sentry.io/platforms/go/");

    private static final Snippet DOTNET = new Snippet("Sentry .NET SDK", "dotnet add package Sentry", """
            using Sentry;

            SentrySdk.Init(options =>
            {
                options.Dsn = "{{DSN}}";
                options.Environment = "production";
            });

            // ASP.NET Core: builder.WebHost.UseSentry("{{DSN}}");""", "https://docs.sentry.io/platforms/dotnet/");

    private static final Snippet PHP = new Snippet("Sentry PHP SDK", "composer require sentry/sentry", """
            <?php
            \\Sentry\\init([
                'dsn' => '{{DSN}}',
                'environment' => 'production',
            ]);

            // Laravel (composer require sentry/sentry-laravel): SENTRY_LARAVEL_DSN={{DSN}} in .env""",
            "https://docs.sentry.io/platforms/php/");

    private static final Snippet RUBY = new Snippet("Sentry Ruby SDK", "bundle add sentry-ruby", """
            require "sentry-ruby"

            Sentry.init do |config|
              config.dsn = "{{DSN}}"
              config.environment = "production"
            end

            # Rails: bundle add sentry-rails, and put the block above in config/initializers/sentry.rb""",
            "https://docs.sentry.io/platforms/ruby/");

    private static final Snippet OTHER = new Snippet("any Sentry SDK", "Install your platform's Sentry SDK.", """
            # Give the SDK this DSN, usually as its "dsn" option or the SENTRY_DSN environment variable:
            SENTRY_DSN={{DSN}}""", "https://docs.sentry.io/platforms/");

    private static final List<Platform> ALL = List.of(
            new Platform("java", "Java", JAVA),
            new Platform("java-spring-boot", "Spring Boot", SPRING_BOOT),
            new Platform("java-logback", "Java (Logback)", JAVA),
            new Platform("android", "Android", JAVA),
            new Platform("kotlin", "Kotlin", JAVA),
            new Platform("javascript", "JavaScript (browser)", BROWSER),
            new Platform("javascript-react", "React", BROWSER),
            new Platform("javascript-vue", "Vue", BROWSER),
            new Platform("javascript-angular", "Angular", BROWSER),
            new Platform("javascript-nextjs", "Next.js", NODE),
            new Platform("node", "Node.js", NODE),
            new Platform("node-express", "Express", NODE),
            new Platform("python", "Python", PYTHON),
            new Platform("python-django", "Django", PYTHON),
            new Platform("python-flask", "Flask", PYTHON),
            new Platform("python-fastapi", "FastAPI", PYTHON),
            new Platform("go", "Go", GO),
            new Platform("csharp", "C#", DOTNET),
            new Platform("dotnet", ".NET", DOTNET),
            new Platform("dotnet-aspnetcore", "ASP.NET Core", DOTNET),
            new Platform("php", "PHP", PHP),
            new Platform("php-laravel", "Laravel", PHP),
            new Platform("php-symfony", "Symfony", PHP),
            new Platform("ruby", "Ruby", RUBY),
            new Platform("ruby-rails", "Rails", RUBY),
            new Platform("rust", "Rust", OTHER),
            new Platform("elixir", "Elixir", OTHER),
            new Platform("dart", "Dart", OTHER),
            new Platform("flutter", "Flutter", OTHER),
            new Platform("apple-ios", "iOS", OTHER),
            new Platform("native", "Native (C/C++)", OTHER),
            new Platform("other", "Other", OTHER));

    private Platforms() {
    }

    public static List<Platform> all() {
        return ALL;
    }

    public static Optional<Platform> find(String id) {
        return ALL.stream().filter(platform -> platform.id().equals(id)).findFirst();
    }

    /** The setup for a project's platform, the generic one when it has none or an unknown one. */
    public static Snippet snippet(String platformId) {
        return find(platformId).map(Platform::snippet).orElse(OTHER);
    }
}
