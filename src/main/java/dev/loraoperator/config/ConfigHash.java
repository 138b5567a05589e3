package dev.loraoperator.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The short content hash of a submitted YAML text: the first 16 lowercase hex digits of its SHA-256. */
final class ConfigHash {

    private ConfigHash() {
    }

    static String of(String yaml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must ship SHA-256, so this cannot happen on a working JVM.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
