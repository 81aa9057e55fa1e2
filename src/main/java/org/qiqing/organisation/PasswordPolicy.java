package org.qiqing.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.Text;

import org.springframework.stereotype.Component;

/**
 * The one rule for a password a person sets, whatever the path (an administrator, an
 * import, a registration, a contact added by his manager, the first administrator): 10 to
 * 72 characters (bcrypt reads no more than 72 bytes), and not one of the common passwords
 * bundled in {@code security/common-passwords.txt}, compared without case. Only the
 * demonstration stores its own passwords without asking.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 72;

	private static final String LIST = "security/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/** What is wrong with a password, if anything. */
	public Optional<Text> problem(String password) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			return Optional.of(Text.of("error.password.length", MIN_LENGTH, MAX_LENGTH));
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of(Text.of("error.password.common"));
		}
		return Optional.empty();
	}

	/** Notes what is wrong with a password under its field. */
	public void check(FieldErrors errors, String field, String password) {
		problem(password).ifPresent(reason -> errors.reject(field, reason));
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(40_000);
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
			if (in == null) {
				throw new IllegalStateException(LIST + " is missing from the classpath");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					passwords.add(line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return passwords;
	}

}
