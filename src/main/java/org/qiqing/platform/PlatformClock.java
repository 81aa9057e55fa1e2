package org.qiqing.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock everything reads time from: the system's, except on a thread that has been
 * set to another moment. The demonstration walks its cases through the real workflow at
 * moments in the past, so that they stand in every state of time; tests walk cases across
 * holidays. Neither touches the time of any other thread.
 */
public final class PlatformClock extends Clock {

	/**
	 * The zone of every day the platform counts: a due day, a visit's day, a year of
	 * holidays.
	 */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final ThreadLocal<Instant> MOMENT = new ThreadLocal<>();

	/** Makes this thread read {@code moment} until {@link #reset()}. */
	public void set(Instant moment) {
		MOMENT.set(moment);
	}

	public void reset() {
		MOMENT.remove();
	}

	@Override
	public Instant instant() {
		Instant moment = MOMENT.get();
		return moment == null ? Instant.now() : moment;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

}
