package dev.faultline.alert;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.faultline.api.Problem;
import dev.faultline.config.Settings;
import org.springframework.stereotype.Component;

/**
 * Which URLs alerts may post to: http or https, and, unless {@code FAULTLINE_WEBHOOK_ALLOW_PRIVATE} is set, only
 * public addresses, so that an alert URL cannot reach the services beside Faultline. Checked when a URL is saved and
 * again, after a fresh lookup, before every request, since a name may resolve elsewhere by then.
 */
@Component
class WebhookTargets {

    static final String PRIVATE_REFUSED = "is a private, loopback or link-local address; webhooks may not reach "
            + "internal services unless the server sets FAULTLINE_WEBHOOK_ALLOW_PRIVATE=true";

    private final boolean allowPrivate;

    WebhookTargets(Settings settings) {
        this.allowPrivate = settings.webhookAllowPrivate();
    }

    boolean allowsPrivate() {
        return allowPrivate;
    }

    /** The URL as saved, or a 400 about {@code url}. A name that does not resolve now is checked when sending. */
    URI checkForSaving(String url) {
        URI uri = parse(url);
        if (!allowPrivate) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (isInternal(address)) {
                        throw Problem.badRequest("url", uri.getHost() + " " + PRIVATE_REFUSED);
                    }
                }
            }
            catch (UnknownHostException e) {
                // Resolved again before every request.
            }
        }
        return uri;
    }

    /** Before a request: the reason to refuse the URL now, or null when it may be called. */
    String refusal(URI uri) {
        if (allowPrivate) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    return uri.getHost() + " (" + address.getHostAddress() + ") " + PRIVATE_REFUSED;
                }
            }
            return null;
        }
        catch (UnknownHostException e) {
            return "cannot resolve " + uri.getHost();
        }
    }

    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw Problem.badRequest("url", "url is required for a webhook");
        }
        if (url.length() > 2000) {
            throw Problem.badRequest("url", "url must be at most 2000 characters");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw Problem.badRequest("url", "'" + url + "' is not an http:// or https:// URL with a host");
            }
            return uri;
        }
        catch (URISyntaxException e) {
            throw Problem.badRequest("url", "'" + url + "' is not a valid URL");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // Unique local addresses, fc00::/7 (Java reads IPv4-mapped ones as IPv4 addresses).
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 0.0.0.0/8 and carrier-grade NAT 100.64.0.0/10, which Java does not count as site-local.
        return first == 0 || first == 100 && second >= 64 && second < 128;
    }
}
