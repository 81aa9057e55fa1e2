package org.qiqing.casework;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The Merkle Tree Hash of RFC 9162 (section 2.1.1) over a stream of leaves, in memory
 * that grows with the logarithm of their number: it keeps the roots of the complete
 * subtrees seen so far, merging two of a size as soon as they are there, which is the
 * shape the RFC gives the tree (a left subtree of the largest power of two below n).
 */
final class MerkleTree {

	private final Deque<Subtree> subtrees = new ArrayDeque<>();

	private long size;

	/** Adds a leaf: {@code SHA-256(0x00 || data)}. */
	void add(byte[] data) {
		MessageDigest digest = sha256();
		digest.update((byte) 0);
		Subtree right = new Subtree(1, digest.digest(data));
		while (!this.subtrees.isEmpty() && this.subtrees.peek().leaves() == right.leaves()) {
			Subtree left = this.subtrees.pop();
			right = new Subtree(left.leaves() * 2, node(left.hash(), right.hash()));
		}
		this.subtrees.push(right);
		this.size++;
	}

	long size() {
		return this.size;
	}

	/** The root, as lower-case hex; of no leaves, the hash of the empty string. */
	String root() {
		if (this.subtrees.isEmpty()) {
			return HexFormat.of().formatHex(sha256().digest());
		}
		Iterator<Subtree> fromTheRight = this.subtrees.iterator();
		byte[] root = fromTheRight.next().hash();
		while (fromTheRight.hasNext()) {
			root = node(fromTheRight.next().hash(), root);
		}
		return HexFormat.of().formatHex(root);
	}

	/** An inner node: {@code SHA-256(0x01 || left || right)}. */
	private static byte[] node(byte[] left, byte[] right) {
		MessageDigest digest = sha256();
		digest.update((byte) 1);
		digest.update(left);
		return digest.digest(right);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Subtree(long leaves, byte[] hash) {
	}

}
