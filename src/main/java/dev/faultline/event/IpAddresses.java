package dev.faultline.event;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Recognizing IP addresses without ever resolving a host name. */
final class IpAddresses {

    /** What SDKs send to ask the server to fill in the client's address. */
    static final String AUTO = "{{auto}}";

    private static final String V4_PART = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern V4 = Pattern.compile(V4_PART + "(\\." + V4_PART + "){3}");
    /** Starts like an IPv6 literal, so InetAddress parses it instead of looking it up. */
    private static final Pattern V6_CHARACTERS = Pattern.compile("(?=[^%]*:)[0-9a-fA-F:][0-9a-fA-F:.]*(%[\\w.]+)?");

    private IpAddresses() {
    }

    static boolean isIp(String text) {
        if (text == null) {
            return false;
        }
        if (V4.matcher(text).matches()) {
            return true;
        }
        if (!V6_CHARACTERS.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /**
     * Whether a header value consists of IP addresses only, as proxies' forwarding headers do: X-Forwarded-For's
     * list, or Forwarded's {@code for=} and {@code by=} parameters (its {@code proto=} and {@code host=} aside).
     */
    static boolean isAddressList(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        boolean any = false;
        for (String token : value.strip().split("[,;\\s]+")) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.startsWith("proto=") || lower.startsWith("host=")) {
                continue;
            }
            String address = lower.replaceFirst("^(for|by)=", "").replace("\"", "");
            address = address.startsWith("[") ? address.replaceFirst("^\\[([^]]*)](:\\d+)?$", "$1")
                    : address.replaceFirst("^([\\d.]+):\\d+$", "$1");
            if (!isIp(address)) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
