package org.qiqing.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every request that is not a multipart upload
 * ({@code qiqing.api.max-json-body}, 1 MB, what trusted intake systems accept): a body
 * declared longer is refused at once (413); one sent in chunks, without a length, is
 * counted as it is read and refused when it passes the cap. So no larger body is ever
 * read, let alone held. Multipart uploads keep their own limits
 * ({@code spring.servlet.multipart}, the attachment and photo policies).
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20)
class BodyLimit extends OncePerRequestFilter {

	private final long max;

	BodyLimit(@Value("${qiqing.api.max-json-body:1MB}") DataSize max) {
		if (max.toBytes() <= 0) {
			throw new IllegalArgumentException("qiqing.api.max-json-body must be positive, not " + max);
		}
		this.max = max.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.max) {
			ErrorResponses.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, new BodyTooLarge(this.max));
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.max), response);
	}

	/** The request whose body stops at the cap. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long max;

		private ServletInputStream body;

		LimitedRequest(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new LimitedInputStream(super.getInputStream(), this.max);
			}
			return this.body;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	/** Counts the bytes read and throws {@link BodyTooLarge} past the cap. */
	private static final class LimitedInputStream extends PassingInputStream {

		private final long max;

		private long read;

		LimitedInputStream(ServletInputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			count(0);
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			count(0);
			// Never asks for more than one byte past the cap, so a refused body is
			// read no further than that.
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.max - this.read + 1));
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.max) {
				throw new BodyTooLarge(this.max);
			}
		}

	}

}
