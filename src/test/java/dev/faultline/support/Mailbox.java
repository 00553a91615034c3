package dev.faultline.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An SMTP server on a free port that keeps what Faultline sends, for a test class to register as a static
 * extension and pass to the application as EMAIL_URL:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Mailbox mailbox = new Mailbox();
 *
 * &#64;DynamicPropertySource
 * static void email(DynamicPropertyRegistry settings) {
 *     settings.add("EMAIL_URL", mailbox::emailUrl);
 * }
 * </pre>
 *
 * It starts when created, so before the class's Spring context reads EMAIL_URL, and forgets every email before each
 * test.
 */
public final class Mailbox implements BeforeEachCallback, AfterAllCallback {

    /** A received email, its parts decoded, with its headers (the first value of each). */
    public record Email(List<String> to, String subject, String text, String html, Map<String, String> headers) {

        /** The one link that starts with {@code prefix}, the same in the text and the HTML part. */
        public String link(String prefix) {
            if (text == null || html == null) {
                throw new AssertionError("expected a text and an HTML part:\n" + this);
            }
            Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "[^\\s\"'<>]*");
            String inText = only(pattern.matcher(text), "text");
            String inHtml = only(pattern.matcher(html), "HTML");
            if (!inText.equals(inHtml)) {
                throw new AssertionError("the parts link differently: " + inText + " and " + inHtml);
            }
            return inText;
        }

        private String only(Matcher matcher, String part) {
            var found = new ArrayList<String>();
            while (matcher.find()) {
                found.add(matcher.group());
            }
            if (found.stream().distinct().count() != 1) {
                throw new AssertionError("expected one link in the " + part + " part, found " + found + " in:\n" + this);
            }
            return found.getFirst();
        }
    }

    private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    public Mailbox() {
        greenMail.start();
    }

    public String emailUrl() {
        return "smtp://localhost:" + greenMail.getSmtp().getPort();
    }

    /** Every email received since the test began, in order. */
    public List<Email> all() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Mailbox::read).toList();
    }

    /** The emails received for the address. */
    public List<Email> to(String address) {
        return all().stream().filter(email -> email.to().contains(address)).toList();
    }

    /** The single email received for the address. */
    public Email onlyTo(String address) {
        List<Email> emails = to(address);
        if (emails.size() != 1) {
            throw new AssertionError("expected one email to " + address + ", received " + all());
        }
        return emails.getFirst();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws FolderException {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        greenMail.stop();
    }

    private static Email read(MimeMessage message) {
        try {
            var to = Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
            var parts = new String[2];
            collect(message, parts);
            var headers = new LinkedHashMap<String, String>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.putIfAbsent(header.getName(), header.getValue());
            }
            return new Email(to, message.getSubject(), parts[0], parts[1], headers);
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds the text/plain and text/html parts, however deep the multipart nesting. */
    private static void collect(Part part, String[] textAndHtml) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, textAndHtml);
            }
        }
        else if (part.isMimeType("text/plain")) {
            textAndHtml[0] = (String) part.getContent();
        }
        else if (part.isMimeType("text/html")) {
            textAndHtml[1] = (String) part.getContent();
        }
    }
}
