package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Chinese and English say the same things: both bundles hold the same keys, every key a
 * template names exists, and no template shows text that bypasses the bundles.
 */
class I18nSyncTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)}");

	/**
	 * Text between tags that a person would read, outside th:text (which replaces it).
	 */
	static final Pattern VISIBLE_TEXT = Pattern.compile(">([^<>{}$#]*[\\p{IsHan}A-Za-z][^<>{}$#]*)<");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.isEqualTo(load("messages_zh.properties").stringPropertyNames());
	}

	/**
	 * No two places of the menu share a name (English once said "Enterprises" for two),
	 * and English uses no Chinese punctuation (a full-width colon after an English
	 * label).
	 */
	@Test
	void theMenuNamesEachPlaceOnceAndEnglishHasNoChinesePunctuation() throws IOException {
		Set<String> menu = new TreeSet<>();
		Matcher keys = KEY.matcher(Files.readString(TEMPLATES.resolve("layout.html")));
		while (keys.find()) {
			if (keys.group(1).startsWith("nav.") || keys.group(1).startsWith("menu.")) {
				menu.add(keys.group(1));
			}
		}
		assertThat(menu).hasSizeGreaterThan(20);
		for (String bundle : List.of("messages_en.properties", "messages_zh.properties")) {
			Properties messages = load(bundle);
			Map<String, String> named = new HashMap<>();
			for (String key : menu) {
				String other = named.put(messages.getProperty(key), key);
				assertThat(other).as(bundle + ": " + key + " is named as " + other).isNull();
			}
		}
		Properties english = load("messages_en.properties");
		List<String> chinesePunctuation = english.stringPropertyNames()
			.stream()
			.filter(key -> english.getProperty(key).matches(".*[：，；。（）].*"))
			.sorted()
			.toList();
		assertThat(chinesePunctuation).isEmpty();
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> known = load("messages_zh.properties").stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!known.contains(matcher.group(1))) {
					missing.add(template.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesShowNoTextOutsideTheBundles() throws IOException {
		List<String> untranslated = new ArrayList<>();
		for (Path template : templates()) {
			for (String line : Files.readAllLines(template)) {
				if (line.contains("th:text") || line.contains("th:utext") || line.contains("th:replace")
						|| line.trim().startsWith("<!--")) {
					continue;
				}
				Matcher matcher = VISIBLE_TEXT.matcher(line);
				while (matcher.find()) {
					if (!matcher.group(1).isBlank()) {
						untranslated.add(template.getFileName() + ": " + matcher.group(1).trim());
					}
				}
			}
		}
		assertThat(untranslated).isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
