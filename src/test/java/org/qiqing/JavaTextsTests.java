package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
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
 * What the Java code tells a person comes from the bundles: every key the code names in a
 * {@code Text} exists in both languages and reads as a message pattern, and no Chinese
 * text is written into the code outside the few places listed here (demonstration data,
 * defaults of a fresh installation, words that input is parsed by).
 */
class JavaTextsTests {

	static final Path SOURCES = Path.of("src/main/java/org/qiqing");

	/** A key named in a Text: {@code Text.of("error.case.x"} or an error key anywhere. */
	static final Pattern KEY = Pattern.compile(
			"Text\\.of\\(\\s*\"([A-Za-z0-9_.]+)\"|\"((?:error|record|unit|weekday|notice)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

	static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/**
	 * Chinese literals allowed in code, by file under {@code org/qiqing}; an empty set
	 * allows the whole file.
	 */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
			// The demonstration's data is Chinese on purpose.
			Map.entry("demo/", Set.of()),
			// A fresh installation's first region, centre and administrator, renamed
			// later.
			Map.entry("organisation/internal/FirstAdministrator.java", Set.of()),
			// Words that uploaded files are read by, not shown.
			Map.entry("organisation/web/PersonImport.java", Set.of("是", "否")),
			Map.entry("calendar/DayKind.java", Set.of("休", "班")), Map.entry("calendar/CalendarFile.java", Set.of("班")),
			Map.entry("calendar/DayCheck.java", Set.of("年", "月", "日")),
			// The export's file name (a Chinese report's name in every language).
			Map.entry("linkage/web/CoveragePagesController.java", Set.of("挂联走访-")));

	@Test
	void everyKeyTheCodeNamesIsInBothBundles() throws IOException {
		Properties chinese = load("messages_zh.properties");
		Properties english = load("messages_en.properties");
		Set<String> missing = new TreeSet<>();
		int found = 0;
		for (Path source : sources()) {
			Matcher matcher = KEY.matcher(Files.readString(source));
			while (matcher.find()) {
				String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
				if (key.endsWith(".")) {
					continue; // a prefix completed at run time: "action." + step
				}
				found++;
				if (!chinese.containsKey(key) || !english.containsKey(key)) {
					missing.add(SOURCES.relativize(source) + ": " + key);
				}
			}
		}
		assertThat(found).as("keys found in the code").isGreaterThan(100);
		assertThat(missing).isEmpty();
	}

	@Test
	void everyErrorTextIsAMessagePattern() throws IOException {
		List<String> broken = new ArrayList<>();
		for (String bundle : List.of("messages_zh.properties", "messages_en.properties")) {
			Properties texts = load(bundle);
			for (String key : texts.stringPropertyNames()) {
				String text = texts.getProperty(key);
				try {
					new MessageFormat(text);
					// A lone apostrophe swallows what follows it in a pattern with
					// arguments.
					if (text.contains("{0") && text.replace("''", "").contains("'")) {
						broken.add(bundle + ": " + key + " has a lone apostrophe: " + text);
					}
				}
				catch (IllegalArgumentException ex) {
					broken.add(bundle + ": " + key + ": " + ex.getMessage());
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void noChineseTextIsWrittenIntoTheCode() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path source : sources()) {
			String file = SOURCES.relativize(source).toString().replace('\\', '/');
			Set<String> allowed = allowed(file);
			if (allowed != null && allowed.isEmpty()) {
				continue;
			}
			for (String literal : literals(Files.readString(source))) {
				if (HAN.matcher(literal).find() && (allowed == null || !allowed.contains(literal))) {
					found.add(file + ": " + literal);
				}
			}
		}
		assertThat(found).as("Chinese literals in Java; put them into messages_zh/messages_en").isEmpty();
	}

	@Test
	void theScannerFindsLiteralsAndSkipsComments() {
		assertThat(literals("""
				/* "注释" */ String a = "甲"; // "乙"
				char c = '年'; String b = \"""
				  丙\""";
				String d = "a\\"丁";
				""")).containsExactly("甲", "年", "\n  丙", "a\\\"丁");
	}

	private static Set<String> allowed(String file) {
		for (Map.Entry<String, Set<String>> entry : ALLOWED.entrySet()) {
			if (file.equals(entry.getKey()) || entry.getKey().endsWith("/") && file.startsWith(entry.getKey())) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * The string, text block and character literals of a Java source, comments left out.
	 */
	static List<String> literals(String source) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("//", i)) {
				int end = source.indexOf('\n', i);
				i = end < 0 ? source.length() : end;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = end < 0 ? source.length() : end + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				end = end < 0 ? source.length() : end;
				literals.add(source.substring(i + 3, end));
				i = end + 3;
			}
			else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
				char quote = source.charAt(i);
				int j = i + 1;
				while (j < source.length() && source.charAt(j) != quote && source.charAt(j) != '\n') {
					j += source.charAt(j) == '\\' ? 2 : 1;
				}
				literals.add(source.substring(i + 1, Math.min(j, source.length())));
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(f -> f.toString().endsWith(".java")).toList();
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
