package org.qiqing.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a DingTalk custom robot checks when its "加签" security setting is on: the
 * timestamp in milliseconds, a line feed and the secret, HMAC-SHA256 with the secret as
 * key, Base64, URL-encoded; sent as {@code &timestamp=…&sign=…}. DingTalk refuses a
 * timestamp more than an hour off.
 */
final class RobotSignature {

	private RobotSignature() {
	}

	/** The signature before URL encoding. */
	static String sign(String secret, long timestampMillis) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** The webhook URL with the timestamp and the signature appended. */
	static String signedUrl(String webhookUrl, String secret, long timestampMillis) {
		return webhookUrl + (webhookUrl.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
				+ URLEncoder.encode(sign(secret, timestampMillis), StandardCharsets.UTF_8);
	}

}
