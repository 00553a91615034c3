package dev.faultline.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.config.Settings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The client's address: the connection's peer, unless that peer is a proxy listed in
 * {@code FAULTLINE_TRUSTED_PROXIES}; then the address that proxy reports in {@code X-Forwarded-For} (the nearest one
 * not itself a trusted proxy). Anyone can write that header, so it is believed only from proxies one runs.
 */
@Component
class TrustedProxies {

    private record Network(byte[] address, int prefix) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((address[i] & mask) != (candidate[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> networks;

    TrustedProxies(Settings settings) {
        this.networks = settings.trustedProxies().stream().map(TrustedProxies::network).toList();
    }

    String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (networks.isEmpty() || !trusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        List<String> hops = new ArrayList<>(List.of(forwarded.split(",")));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops.getFirst().strip();
    }

    private boolean trusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && networks.stream().anyMatch(network -> network.contains(bytes));
    }

    /** The bytes of an IP literal; null for anything else (never a DNS look-up). */
    private static byte[] literal(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F.:]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        }
        catch (UnknownHostException e) {
            return null;
        }
    }

    /** "10.0.0.0/8", "192.168.1.7", "::1", "fd00::/8". The settings have checked the form. */
    static Network network(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address = literal(slash == -1 ? cidr : cidr.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or network");
        }
        int prefix = slash == -1 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of range");
        }
        return new Network(address, prefix);
    }
}
