package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * README and docs/ are read where the repository is, often with no network (an office
 * behind its firewall, a copy on a laptop): they link only to their own files, which
 * exist, and to the application itself on localhost. What a reader needs from elsewhere
 * is copied into docs/.
 */
class DocumentationLinksTests {

	/** A markdown link's target, or an autolink. */
	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|<(https?://[^>\\s]+)>");

	@Test
	void readmeAndDocsLinkOnlyToTheirOwnFilesAndLocalhost() throws IOException {
		Path root = Path.of("").toAbsolutePath();
		List<String> wrong = new ArrayList<>();
		for (Path file : documents(root)) {
			String text = withoutCodeBlocks(Files.readString(file));
			Matcher link = LINK.matcher(text);
			while (link.find()) {
				String target = link.group(1) != null ? link.group(1) : link.group(2);
				String problem = problem(root, file, target);
				if (problem != null) {
					wrong.add(root.relativize(file) + ": " + target + " (" + problem + ")");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aLinkOutsideTheRepositoryIsFound() {
		Path root = Path.of("").toAbsolutePath();
		assertThat(problem(root, root.resolve("README.md"), "https://github.com/x/y")).isNotNull();
		assertThat(problem(root, root.resolve("README.md"), "../shared/context/DOMAIN.md")).isNotNull();
		assertThat(problem(root, root.resolve("README.md"), "docs/missing.md")).isNotNull();
		assertThat(problem(root, root.resolve("README.md"), "docs/DOMAIN.md#the-words")).isNull();
		assertThat(problem(root, root.resolve("README.md"), "http://localhost:8080/")).isNull();
	}

	private static List<Path> documents(Path root) throws IOException {
		List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		return files;
	}

	/** Why a link leaves the repository or leads nowhere, or null when it is fine. */
	private static String problem(Path root, Path from, String target) {
		if (target.startsWith("#") || target.startsWith("mailto:")) {
			return null;
		}
		if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
			String host = URI.create(target).getHost();
			return "localhost".equals(host) || "127.0.0.1".equals(host) ? null : "outside the repository";
		}
		Path path = from.getParent().resolve(target.replaceFirst("#.*", "")).normalize();
		if (!path.startsWith(root)) {
			return "outside the repository";
		}
		return Files.exists(path) ? null : "no such file";
	}

	/**
	 * Code blocks hold examples (a webhook URL to paste, a problem type), not links to
	 * follow.
	 */
	private static String withoutCodeBlocks(String markdown) {
		return markdown.replaceAll("(?s)```.*?```", "");
	}

}
