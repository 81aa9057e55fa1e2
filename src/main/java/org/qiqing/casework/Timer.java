package org.qiqing.casework;

import java.time.Instant;

/**
 * A timer of a case, to fire once at {@code fireAt}: the cycle tells the limit (or, for
 * the timers of single steps, the step) it belongs to.
 */
record Timer(TimerKind kind, int cycle, Instant fireAt) {

}
