package dev.faultline.event;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
}
