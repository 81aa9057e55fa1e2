package org.qiqing.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every POST to the API with an {@code Idempotency-Key} safe to retry: the first
 * response is stored and replayed for the same key; the same key with another body is
 * refused with 422. The request runs first and its key is stored with its answer, in its
 * transaction: a retry runs too, finds the key taken, is undone and gets the first answer
 * (a retry while the first is still running waits for it).
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final int MAX_KEY_LENGTH = 100;

	private final IdempotentRequests requests;

	private final PlatformTransactionManager transactions;

	IdempotencyFilter(IdempotentRequests requests, PlatformTransactionManager transactions) {
		this.requests = requests;
		this.transactions = transactions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
				|| request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		// An anonymous caller (a registration) has no key space of his own: two strangers
		// sending the same key must not get each other's answers.
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER).trim();
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			problem(response, HttpStatus.BAD_REQUEST, "invalid-input",
					"Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters");
			return;
		}
		String owner = auth.getName();
		boolean multipart = request.getContentType() != null
				&& request.getContentType().toLowerCase().startsWith("multipart/");
		HashingRequest forwarded = new HashingRequest(request, multipart);
		TransactionStatus transaction = this.transactions.getTransaction(TransactionDefinition.withDefaults());
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(forwarded, captured);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			this.transactions.rollback(transaction);
			throw ex;
		}
		String hash;
		try {
			hash = forwarded.hash();
		}
		catch (BodyTooLarge ex) {
			// Left unread by the controller and longer than any body may be.
			this.transactions.rollback(transaction);
			ErrorResponses.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, ex);
			return;
		}
		int status = captured.getStatus();
		boolean ownAnswer;
		if (status < 500 && !transaction.isRollbackOnly()) {
			// The key is stored with the answer, in the request's own transaction: a
			// concurrent twin waits on the key until this one commits, then finds it
			// taken.
			ownAnswer = this.requests.remember(owner, key, hash, status, captured.getContentType(),
					captured.getHeader(HttpHeaders.LOCATION), captured.getHeader(HttpHeaders.ETAG),
					captured.getContentAsByteArray());
			if (ownAnswer) {
				this.transactions.commit(transaction);
			}
			else {
				this.transactions.rollback(transaction);
			}
		}
		else {
			this.transactions.rollback(transaction);
			// A refused request changed nothing; its answer is remembered so that a retry
			// gets the same.
			ownAnswer = status >= 500 || this.requests.remember(owner, key, hash, status, captured.getContentType(),
					null, null, captured.getContentAsByteArray());
		}
		if (ownAnswer) {
			captured.copyBodyToResponse();
		}
		else {
			// The key was used before, or by a twin that committed first: what this
			// request did is undone and the first answer stands.
			response.reset();
			replay(owner, key, hash, response);
		}
	}

	private void replay(String owner, String key, String hash, HttpServletResponse response) throws IOException {
		IdempotentRequests.Stored stored = this.requests.find(owner, key).orElseThrow();
		if (!stored.requestHash().equals(hash)) {
			problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"this Idempotency-Key was used before with another request");
			return;
		}
		response.setStatus(stored.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, stored.location());
		}
		if (stored.etag() != null) {
			response.setHeader(HttpHeaders.ETAG, stored.etag());
		}
		if (stored.body() != null) {
			response.getOutputStream().write(stored.body());
		}
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String type, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		String json = """
				{"type":"%s%s","title":"%s","status":%d,"detail":"%s"}""".formatted(ApiProblems.TYPE_BASE, type,
				status.getReasonPhrase(), status.value(), detail);
		response.getWriter().write(json);
	}

	/**
	 * Hashes the request (method, path, query, parameters and body) with SHA-256 as the
	 * controller reads it, so that only the hash is kept, never the body: a JSON body as
	 * it streams past, what the controller leaves unread at the end; a multipart body
	 * part by part, from the container's copy.
	 */
	private static final class HashingRequest extends HttpServletRequestWrapper {

		private final MessageDigest digest;

		private final boolean multipart;

		private ServletInputStream body;

		HashingRequest(HttpServletRequest request, boolean multipart) throws IOException, ServletException {
			super(request);
			this.multipart = multipart;
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			update(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n");
			if (multipart) {
				try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), this.digest)) {
					for (Part part : request.getParts()) {
						update(part.getName() + "\n" + part.getSubmittedFileName() + "\n");
						try (InputStream in = part.getInputStream()) {
							in.transferTo(sink);
						}
					}
				}
			}
			else {
				// A form's fields, which the container reads from the body itself.
				request.getParameterMap()
					.forEach((name, values) -> update(name + "=" + String.join("&", values) + "\n"));
			}
		}

		private void update(String text) {
			this.digest.update(text.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.multipart) {
				return super.getInputStream();
			}
			if (this.body == null) {
				this.body = new HashingInputStream(super.getInputStream(), this.digest);
			}
			return this.body;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
		}

		/** The hash, once the rest of the body, if any, has passed through it. */
		String hash() throws IOException {
			if (!this.multipart) {
				getInputStream().transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

	private static final class HashingInputStream extends PassingInputStream {

		private final MessageDigest digest;

		HashingInputStream(ServletInputStream in, MessageDigest digest) {
			super(in);
			this.digest = digest;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				this.digest.update((byte) b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				this.digest.update(buffer, offset, n);
			}
			return n;
		}

	}

}
