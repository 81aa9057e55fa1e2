package org.qiqing.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.qiqing.casework.HistoryFinding.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the whole history, kept outside the database: the Merkle root
 * (RFC 9162) of every event sealed up to a moment, in case and event order, signed with
 * an Ed25519 key the database does not hold. Anyone who can write to the database can
 * rewrite a case's history and recompute its chain; he cannot sign a checkpoint, so the
 * history he leaves no longer gives the root of the latest one. A checkpoint is written
 * only over a history that verifies.
 *
 * <p>
 * A checkpoint is a small text file, {@code checkpoint-<moment>.txt}:
 *
 * <pre>
 * qiqing-history-checkpoint 1
 * tree-size 4800000
 * root 5f1c…
 * sealed-up-to 2026-12-07T01:00:00Z
 * created 2026-12-07T01:05:00Z
 * signature &lt;Base64 Ed25519 signature of the lines above&gt;
 * </pre>
 */
@Component
@EnableConfigurationProperties(CheckpointSettings.class)
class HistoryCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(HistoryCheckpoints.class);

	private static final String FORMAT = "qiqing-history-checkpoint 1";

	private static final DateTimeFormatter NAME = DateTimeFormatter
		.ofPattern("'checkpoint-'yyyyMMdd'T'HHmmssSSS'Z.txt'")
		.withZone(ZoneOffset.UTC);

	private final HistoryAudit audit;

	private final CheckpointSettings settings;

	private final Clock clock;

	private final MessageSource messages;

	HistoryCheckpoints(HistoryAudit audit, CheckpointSettings settings, Clock clock, MessageSource messages) {
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.messages = messages;
	}

	/** A checkpoint as read back, with whether its signature verifies. */
	record Checkpoint(String name, long treeSize, String root, Instant sealedUpTo, Instant created, boolean signed) {
	}

	@Scheduled(fixedDelayString = "${qiqing.history.checkpoint.interval:1h}",
			initialDelayString = "${qiqing.history.checkpoint.interval:1h}")
	void scheduled() {
		if (this.settings.writes()) {
			write();
		}
	}

	/**
	 * Verifies the whole history, and the latest checkpoint if there is one, and if both
	 * hold writes a checkpoint of the events sealed up to {@code settle} ago.
	 */
	Optional<Checkpoint> write() {
		if (!this.settings.writes()) {
			throw new IllegalStateException(text("history.checkpoint.notConfigured"));
		}
		Instant created = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant sealedUpTo = created.minus(this.settings.settle());
		Optional<Checkpoint> latest = latest();
		HistoryAudit.Report report = latest.isPresent() ? this.audit.all(sealedUpTo, latest.get().sealedUpTo())
				: this.audit.all(sealedUpTo);
		long broken = report.findingCount()
				+ latest.map(checkpoint -> compare(checkpoint, report.roots().get(1)).size()).orElse(0);
		if (broken > 0) {
			log.error(text("history.checkpoint.refused", broken));
			return Optional.empty();
		}
		HistoryAudit.Root tree = report.roots().get(0);
		String body = String.join("\n", FORMAT, "tree-size " + tree.treeSize(), "root " + tree.root(),
				"sealed-up-to " + sealedUpTo, "created " + created) + "\n";
		String signature = Base64.getEncoder().encodeToString(sign(body));
		String name = NAME.format(created);
		try {
			Files.createDirectories(this.settings.directory());
			Path partial = Files.createTempFile(this.settings.directory(), ".checkpoint-", ".part");
			Files.writeString(partial, body + "signature " + signature + "\n", StandardCharsets.UTF_8);
			Files.move(partial, this.settings.directory().resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log.info(text("history.checkpoint.written", name, tree.treeSize(), sealedUpTo, tree.root()));
		return Optional.of(new Checkpoint(name, tree.treeSize(), tree.root(), sealedUpTo, created, true));
	}

	/** The latest checkpoint in the directory, if checkpoints are read. */
	Optional<Checkpoint> latest() {
		if (!this.settings.reads() || !Files.isDirectory(this.settings.directory())) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(this.settings.directory())) {
			Optional<Path> latest = files
				.filter(file -> file.getFileName().toString().matches("checkpoint-\\d{8}T\\d{9}Z\\.txt"))
				.max(Path::compareTo);
			return latest.map(this::read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What differs between the database and a checkpoint, given the Merkle tree the audit
	 * computed over the events of the checkpoint's moment.
	 */
	List<HistoryFinding> compare(Checkpoint checkpoint, HistoryAudit.Root report) {
		List<HistoryFinding> findings = new ArrayList<>();
		if (!checkpoint.signed()) {
			findings.add(new HistoryFinding("", null, Kind.CHECKPOINT_SIGNATURE, checkpoint.name(), null, null));
		}
		else if (checkpoint.treeSize() != report.treeSize()) {
			findings.add(new HistoryFinding("", null, Kind.CHECKPOINT_SIZE, checkpoint.name(),
					Long.toString(checkpoint.treeSize()), Long.toString(report.treeSize())));
		}
		else if (!checkpoint.root().equals(report.root())) {
			findings.add(new HistoryFinding("", null, Kind.CHECKPOINT_ROOT, checkpoint.name(), checkpoint.root(),
					report.root()));
		}
		return findings;
	}

	private Checkpoint read(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			int signatureAt = text.lastIndexOf("signature ");
			String body = signatureAt < 0 ? text : text.substring(0, signatureAt);
			String signature = signatureAt < 0 ? "" : text.substring(signatureAt + "signature ".length()).strip();
			List<String> lines = body.lines().toList();
			boolean signed = lines.size() == 5 && FORMAT.equals(lines.get(0)) && verifies(body, signature);
			return new Checkpoint(file.getFileName().toString(), Long.parseLong(value(lines, 1, "tree-size")),
					value(lines, 2, "root"), Instant.parse(value(lines, 3, "sealed-up-to")),
					Instant.parse(value(lines, 4, "created")), signed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			// Unreadable is unsigned: it is reported, not trusted.
			return new Checkpoint(file.getFileName().toString(), -1, "", Instant.EPOCH, Instant.EPOCH, false);
		}
	}

	private static String value(List<String> lines, int index, String name) {
		String line = lines.get(index);
		if (!line.startsWith(name + " ")) {
			throw new IllegalArgumentException(name);
		}
		return line.substring(name.length() + 1);
	}

	private byte[] sign(String body) {
		try {
			PrivateKey key = KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(keyBytes(this.settings.privateKey())));
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(key);
			signer.update(body.getBytes(StandardCharsets.UTF_8));
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean verifies(String body, String signature) {
		try {
			PublicKey key = KeyFactory.getInstance("Ed25519")
				.generatePublic(new X509EncodedKeySpec(keyBytes(this.settings.publicKey())));
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(body.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** A key file's bytes: PEM (as openssl writes it) or DER. */
	private static byte[] keyBytes(Path file) {
		try {
			byte[] content = Files.readAllBytes(file);
			String text = new String(content, StandardCharsets.US_ASCII);
			if (!text.startsWith("-----BEGIN")) {
				return content;
			}
			return Base64.getMimeDecoder()
				.decode(text.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, consoleLocale());
	}

	/**
	 * The language of the log and the console: Chinese on a Chinese system, else English.
	 */
	static Locale consoleLocale() {
		return "zh".equals(Locale.getDefault().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

}
