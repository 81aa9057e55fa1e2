package org.qiqing.casework;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signed checkpoints of the history ({@link HistoryCheckpoints}), off unless a directory
 * and a private key are given.
 *
 * @param directory where checkpoints are written and read: outside the database, best on
 * another machine or an append-only (WORM) store
 * @param privateKey the Ed25519 signing key, PKCS#8 (PEM or DER), never in the database
 * @param publicKey its public key, X.509 (PEM or DER), to verify checkpoints with
 * @param interval how often a node writes one
 * @param settle how far behind now a checkpoint seals: a step still being committed when
 * it is written is left to the next one
 */
@ConfigurationProperties("qiqing.history.checkpoint")
record CheckpointSettings(Path directory, Path privateKey, Path publicKey, @DefaultValue("1h") Duration interval,
		@DefaultValue("5m") Duration settle) {

	boolean writes() {
		return this.directory != null && this.privateKey != null;
	}

	boolean reads() {
		return this.directory != null && this.publicKey != null;
	}

}
