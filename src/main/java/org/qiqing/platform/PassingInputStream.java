package org.qiqing.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that passes through on its way to the controller, for a filter to watch
 * it as it is read (count it, hash it) without holding it: the reads are the subclass's,
 * the servlet's non-blocking protocol the body's own.
 */
abstract class PassingInputStream extends ServletInputStream {

	protected final ServletInputStream in;

	PassingInputStream(ServletInputStream in) {
		this.in = in;
	}

	@Override
	public boolean isFinished() {
		return this.in.isFinished();
	}

	@Override
	public boolean isReady() {
		return this.in.isReady();
	}

	@Override
	public void setReadListener(ReadListener listener) {
		this.in.setReadListener(listener);
	}

}
