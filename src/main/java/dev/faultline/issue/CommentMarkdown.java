package dev.faultline.issue;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Comments as HTML from their Markdown. Raw HTML in a comment is escaped and link targets such as
 * {@code javascript:} are dropped, so the result is safe to put on the page unescaped.
 */
final class CommentMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private CommentMarkdown() {
    }

    static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
    }
}
