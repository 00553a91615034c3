package dev.faultline.alert;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The body each webhook kind gets, as its receiver documents it. */
class ChatPayloadsTests {

    static final String URL = "https://faultline.example.com/acme/issues/42";
    static final Notification NOTIFICATION = new Notification("created", 7, "New errors", 42, "SHOP-3",
            "ZeroDivisionError: division by zero", "shop.views in checkout", "error", "production", "shop@1.2.0", 12,
            Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:05:00Z"), URL, "shop", "Shop",
            "acme", "Acme");

    static JsonNode body(RecipientKind kind, Notification notification) {
        return JsonMapper.shared().valueToTree(ChatPayloads.of(kind, notification));
    }

    @Test
    void genericWebhookHasTheDocumentedFields() {
        JsonNode body = body(RecipientKind.WEBHOOK, NOTIFICATION);

        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("event").asString()).isEqualTo("created");
        assertThat(body.get("text").asString()).isEqualTo("New issue in Shop: SHOP-3 ZeroDivisionError: division by zero " + URL);
        assertThat(body.at("/issue/id").asString()).isEqualTo("42");
        assertThat(body.at("/issue/count").asLong()).isEqualTo(12);
        assertThat(body.at("/issue/release").asString()).isEqualTo("shop@1.2.0");
        assertThat(body.at("/issue/firstSeen").asString()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(body.at("/project/slug").asString()).isEqualTo("shop");
        assertThat(body.at("/organization/slug").asString()).isEqualTo("acme");
        assertThat(body.at("/rule/id").asString()).isEqualTo("7");
    }

    @Test
    void slackAndMattermostGetTextAndAnAttachment() {
        JsonNode body = body(RecipientKind.SLACK, NOTIFICATION);

        assertThat(body.get("text").asString()).startsWith("New issue in Shop");
        JsonNode attachment = body.at("/attachments/0");
        assertThat(attachment.get("title").asString()).isEqualTo("SHOP-3 ZeroDivisionError: division by zero");
        assertThat(attachment.get("title_link").asString()).isEqualTo(URL);
        assertThat(attachment.get("color").asString()).isEqualTo("#e03e2f");
        assertThat(attachment.get("fields")).extracting(field -> field.get("title").asString() + "="
                + field.get("value").asString()).contains("Environment=production", "Release=shop@1.2.0",
                "Level=error", "Events=12", "Project=Acme / Shop");
        assertThat(attachment.at("/fields/0/short").asBoolean()).isTrue();
    }

    @Test
    void discordGetsAnEmbedWithinItsLimits() {
        Notification longTitle = new Notification("regressed", 7, "r", 42, "SHOP-3", "x".repeat(400), null,
                "warning", null, null, 2, Instant.EPOCH, Instant.EPOCH, URL, "shop", "Shop", "acme", "Acme");
        JsonNode body = body(RecipientKind.DISCORD, longTitle);

        assertThat(body.get("content").asString()).startsWith("Regression in Shop: SHOP-3");
        JsonNode embed = body.at("/embeds/0");
        assertThat(embed.get("url").asString()).isEqualTo(URL);
        assertThat(embed.get("title").asString()).hasSize(256).endsWith("…");
        assertThat(embed.get("color").asInt()).isEqualTo(0xf2b611);
        assertThat(embed.get("description").asString()).isEmpty();
        assertThat(embed.get("fields")).extracting(field -> field.get("name").asString() + "="
                + field.get("value").asString()).contains("Environment=none", "Release=none", "Events=2");
        assertThat(embed.at("/fields/0/inline").asBoolean()).isTrue();
    }

    @Test
    void teamsGetsAnAdaptiveCardForWorkflows() {
        JsonNode body = body(RecipientKind.MSTEAMS, NOTIFICATION);

        assertThat(body.get("type").asString()).isEqualTo("message");
        JsonNode attachment = body.at("/attachments/0");
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.has("contentUrl")).isTrue();
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("$schema").asString()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        assertThat(card.at("/body/0/text").asString()).startsWith("New issue in Shop");
        assertThat(card.at("/body/2/type").asString()).isEqualTo("FactSet");
        assertThat(card.at("/body/2/facts")).extracting(fact -> fact.get("title").asString())
                .containsExactly("Project", "Environment", "Release", "Level", "Events");
        assertThat(card.at("/actions/0/type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(card.at("/actions/0/url").asString()).isEqualTo(URL);
    }

    @Test
    void googleChatGetsACardWithALinkButton() {
        JsonNode body = body(RecipientKind.GOOGLECHAT, NOTIFICATION);

        assertThat(body.get("text").asString()).endsWith(URL);
        JsonNode card = body.at("/cardsV2/0/card");
        assertThat(body.at("/cardsV2/0/cardId").asString()).isEqualTo("faultline-issue-42");
        assertThat(card.at("/header/title").asString()).isEqualTo("SHOP-3 ZeroDivisionError: division by zero");
        JsonNode widgets = card.at("/sections/0/widgets");
        assertThat(widgets.get(1).at("/decoratedText/topLabel").asString()).isEqualTo("Environment");
        assertThat(widgets.get(1).at("/decoratedText/text").asString()).isEqualTo("production");
        assertThat(widgets.get(widgets.size() - 1).at("/buttonList/buttons/0/onClick/openLink/url").asString())
                .isEqualTo(URL);
    }
}
