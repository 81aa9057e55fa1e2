package org.qiqing.enterprise;

/**
 * The 18-character Unified Social Credit Code of GB 32100-2015. Its last character is a
 * check character over the first 17, computed modulo 31 over an alphabet without I, O, S,
 * V and Z.
 */
public final class CreditCode {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Whether a code is 18 characters of the alphabet with the right check character. */
	public static boolean isValid(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return checkCharacter(code.substring(0, 17)) == code.charAt(17);
	}

	/** The check character for the first 17 characters of a code. */
	public static char checkCharacter(String first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("a code has 17 characters before its check character");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not allowed in a credit code");
			}
			sum += value * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}

	/**
	 * Upper-cases and trims what a person typed, so that lower-case input is accepted.
	 */
	public static String normalize(String code) {
		return code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT);
	}

}
