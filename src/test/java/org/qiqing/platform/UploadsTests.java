package org.qiqing.platform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UploadsTests {

	static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	static final Set<FileType> DOCUMENTS = Set.of(FileType.PDF, FileType.PNG);

	@BeforeEach
	void inEnglish() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aFileWhoseNameTypeAndContentAgreeIsAccepted() {
		Uploads.Upload upload = uploads(false, null).check("files",
				new MockMultipartFile("files", "a/b\\营业执照.PDF", "application/pdf", PDF), DOCUMENTS, 100);
		assertThat(upload.type()).isEqualTo(FileType.PDF);
		assertThat(upload.filename()).isEqualTo("a_b_营业执照.PDF");
	}

	@Test
	void eachDisagreementIsRefusedUnderTheFilesName() {
		Uploads uploads = uploads(false, null);
		assertRefused(uploads, new MockMultipartFile("files", "x.html", "text/html", PDF), "x.html is not a kind");
		assertRefused(uploads, new MockMultipartFile("files", "x", "application/pdf", PDF), "x is not a kind");
		assertRefused(uploads, new MockMultipartFile("files", "x.pdf", "image/png", PDF),
				"x.pdf is declared as image/png");
		assertRefused(uploads, new MockMultipartFile("files", "x.png", "image/png", PDF), "content of x.png");
		assertRefused(uploads, new MockMultipartFile("files", "x.pdf", "application/pdf", new byte[200]),
				"x.pdf is larger than 0 MB");
	}

	@Test
	void theScannerIsAskedBeforeAFileIsAcceptedWhenScanningIsOn() {
		UploadScanner eicar = (name, type,
				content) -> new String(content, StandardCharsets.ISO_8859_1).contains("EICAR")
						? UploadScanner.Verdict.infected("EICAR") : UploadScanner.Verdict.CLEAN;
		Uploads uploads = uploads(true, eicar);
		assertThat(uploads.check("files", new MockMultipartFile("files", "ok.png", "image/png", PNG), DOCUMENTS, 100)
			.type()).isEqualTo(FileType.PNG);
		byte[] longer = "%PDF-1.7\nEICAR\n".getBytes(StandardCharsets.US_ASCII);
		assertRefused(uploads, new MockMultipartFile("files", "bad.pdf", "application/pdf", longer),
				"bad.pdf was refused by the virus scanner: EICAR");
		UploadScanner down = (name, type, content) -> {
			throw new java.io.IOException("connection refused");
		};
		assertRefused(uploads(true, down), new MockMultipartFile("files", "x.pdf", "application/pdf", PDF),
				"x.pdf could not be scanned");
		assertThat(uploads(false, eicar)
			.check("files", new MockMultipartFile("files", "bad.pdf", "application/pdf", longer), DOCUMENTS, 100)
			.type()).as("scanning is off by default").isEqualTo(FileType.PDF);
		assertThatIllegalStateException().isThrownBy(() -> uploads(true, null));
	}

	@Test
	void aStoredFileIsServedAsItsVerifiedTypeNeverAsHtmlOrSvg() {
		HttpHeaders legacy = FileResponses.download("x.html", "application/pdf", PDF);
		assertThat(legacy.getContentType()).hasToString("application/pdf");
		assertThat(legacy.getContentDisposition().getType()).isEqualTo("attachment");
		assertThat(legacy.getContentDisposition().getFilename()).isEqualTo("x.html.pdf");
		assertThat(legacy.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(FileResponses.download("x.html", "text/html", PDF).getContentType())
			.hasToString("application/octet-stream");
		HttpHeaders svg = FileResponses.image("x.svg", "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8));
		assertThat(svg.getContentType()).hasToString("application/octet-stream");
		assertThat(svg.getContentDisposition().getType()).isEqualTo("attachment");
		HttpHeaders fakePng = FileResponses.image("x.png", "image/png", PDF);
		assertThat(fakePng.getContentDisposition().getType()).isEqualTo("attachment");
		HttpHeaders photo = FileResponses.image("门头.png", "image/png", PNG);
		assertThat(photo.getContentType()).hasToString("image/png");
		assertThat(photo.getContentDisposition().getType()).isEqualTo("inline");
		assertThat(FileResponses.download("门头.png", "image/png", PNG).getContentDisposition().getType())
			.isEqualTo("attachment");
	}

	private static void assertRefused(Uploads uploads, MockMultipartFile file, String reason) {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> uploads.check("files", file, DOCUMENTS, 100))
			.satisfies(ex -> assertThat(ex.errors().get("files")).contains(reason));
	}

	private static Uploads uploads(boolean scan, UploadScanner scanner) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				scanner == null ? Map.of() : Map.of("scanner", scanner));
		return new Uploads(messages, new UploadSettings(scan), beans.getBeanProvider(UploadScanner.class));
	}

}
