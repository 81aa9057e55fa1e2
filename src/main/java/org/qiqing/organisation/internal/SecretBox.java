package org.qiqing.organisation.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the TOTP secrets unreadable in the database and its backups: AES-GCM with the key
 * of {@code qiqing.security.totp.key} (Base64 of 16 or 32 random bytes, e.g.
 * {@code openssl rand -base64 32}), each value with its own nonce. Without a key (the
 * demonstration, tests) a secret is stored as it is, marked {@code plain:}, and the node
 * says so when it starts; a key set later still reads them.
 */
final class SecretBox {

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	private static final String SEALED = "v1:";

	private static final String PLAIN = "plain:";

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			this.key = null;
			log.warn("qiqing.security.totp.key is not set: TOTP secrets are stored unencrypted");
		}
		else {
			this.key = new SecretKeySpec(Base64.getDecoder().decode(base64Key.trim()), "AES");
		}
	}

	String seal(String secret) {
		if (this.key == null) {
			return PLAIN + secret;
		}
		try {
			byte[] nonce = new byte[12];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return SEALED + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String open(String stored) {
		if (stored.startsWith(PLAIN)) {
			return stored.substring(PLAIN.length());
		}
		if (this.key == null) {
			throw new IllegalStateException("a TOTP secret is encrypted but qiqing.security.totp.key is not set");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, bytes, 0, 12));
			return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a TOTP secret cannot be decrypted with qiqing.security.totp.key", ex);
		}
	}

}
