package app.haven.billing.domain;

import java.security.SecureRandom;

/**
 * Confirmation numbers people can read out on the phone: {@code HV-7K3M-9Q2P}, eight characters
 * from a 30-character alphabet without 0/O, 1/I/L or U (about 6.6 × 10^11 possibilities), drawn from a
 * secure random source so one payment's number says nothing about another's.
 */
public final class ConfirmationNumber {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfirmationNumber() {
    }

    public static String next() {
        StringBuilder number = new StringBuilder("HV-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                number.append('-');
            }
            number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }
}
