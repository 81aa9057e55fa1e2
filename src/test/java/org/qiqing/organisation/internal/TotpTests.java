package org.qiqing.organisation.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes of RFC 6238's own test vectors (Appendix B, SHA-1) and Base32 as RFC 4648
 * writes it.
 */
class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void codesAreThoseOfRfc6238() {
		assertThat(code(59)).isEqualTo("94287082");
		assertThat(code(1111111109)).isEqualTo("07081804");
		assertThat(code(1111111111)).isEqualTo("14050471");
		assertThat(code(1234567890)).isEqualTo("89005924");
		assertThat(code(2000000000)).isEqualTo("69279037");
		assertThat(code(20000000000L)).isEqualTo("65353130");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
	}

	@Test
	void base32IsRfc4648sAndReadsBack() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.fromBase32(Totp.base32(RFC_SECRET))).isEqualTo(RFC_SECRET);
	}

	@Test
	void aSealedSecretIsNotReadableAndOpensWithItsKey() {
		SecretBox box = new SecretBox("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
		String sealed = box.seal("JBSWY3DPEHPK3PXP");
		assertThat(sealed).doesNotContain("JBSWY3DPEHPK3PXP").isNotEqualTo(box.seal("JBSWY3DPEHPK3PXP"));
		assertThat(box.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
	}

	private static String code(long epochSecond) {
		return Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSecond)), 8);
	}

}
