package org.qiqing.casework;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sweeps the timers every {@code qiqing.timers.interval} (1 s, so that a timer fires at
 * most a few seconds late). Every node runs it; the sweep's lease lets one at a time
 * through. Tests switch it off and sweep when they choose.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "qiqing.timers.enabled", havingValue = "true", matchIfMissing = true)
class TimerSchedule {

	private final TimerSweep sweep;

	TimerSchedule(TimerSweep sweep) {
		this.sweep = sweep;
	}

	@Scheduled(fixedDelayString = "${qiqing.timers.interval:1s}",
			initialDelayString = "${qiqing.timers.initial-delay:20s}")
	void sweep() {
		this.sweep.sweep();
	}

}
