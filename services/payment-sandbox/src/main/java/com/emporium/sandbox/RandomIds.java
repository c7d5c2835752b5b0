package com.emporium.sandbox;

import java.security.SecureRandom;

/** Ids as a processor hands them out: a prefix ({@code tok}, {@code ch}, {@code re}) and 24 random letters and digits. */
public final class RandomIds {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + 1 + LENGTH).append(prefix).append('_');
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
