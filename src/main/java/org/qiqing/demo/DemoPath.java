package org.qiqing.demo;

import static org.qiqing.casework.CaseAction.*;

import java.util.List;

import org.qiqing.casework.CaseAction;

/**
 * The steps that bring a new case to each state, and how often each state appears in the
 * demo.
 */
final class DemoPath {

	private static final List<CaseAction> HANDLING = List.of(ACCEPT, ASSIGN, CONTACT);

	/** path, weight out of 100 */
	private static final List<Object[]> PATHS = List.of(new Object[] { List.of(), 10 },
			new Object[] { List.of(DECLINE), 3 }, new Object[] { List.of(WITHDRAW), 2 },
			new Object[] { List.of(ACCEPT), 8 }, new Object[] { List.of(ACCEPT, ASSIGN), 10 },
			new Object[] { List.of(ACCEPT, ASSIGN, DISPUTE), 3 }, new Object[] { with(STAGE_REPLY), 16 },
			new Object[] { with(REQUEST_SUSPENSION), 1 },
			new Object[] { with(REQUEST_SUSPENSION, APPROVE_SUSPENSION), 3 },
			new Object[] { with(REQUEST_EXTENSION), 4 }, new Object[] { with(STAGE_REPLY, RESOLVE), 12 },
			new Object[] { with(RESOLVE, REOPEN), 3 }, new Object[] { with(STAGE_REPLY, RESOLVE, RATE), 25 });

	private DemoPath() {
	}

	@SuppressWarnings("unchecked")
	static List<CaseAction> pick(int index) {
		int slot = (index * 37) % 100;
		for (Object[] path : PATHS) {
			slot -= (Integer) path[1];
			if (slot < 0) {
				return (List<CaseAction>) path[0];
			}
		}
		throw new IllegalStateException("weights must add up to 100");
	}

	/** Whether the path ends the case: declined, withdrawn, or rated and closed. */
	static boolean closes(List<CaseAction> path) {
		return !path.isEmpty() && List.of(DECLINE, WITHDRAW, RATE).contains(path.get(path.size() - 1));
	}

	/**
	 * The paths of the past year's cases, all closed: most resolved and rated, some
	 * resolved without a stage reply, a few declined or withdrawn.
	 */
	static List<CaseAction> past(int index) {
		return switch (index % 20) {
			case 0 -> List.of(DECLINE);
			case 7 -> List.of(WITHDRAW);
			case 3, 11 -> with(RESOLVE, RATE);
			default -> with(STAGE_REPLY, RESOLVE, RATE);
		};
	}

	private static List<CaseAction> with(CaseAction... more) {
		List<CaseAction> path = new java.util.ArrayList<>(HANDLING);
		path.addAll(List.of(more));
		return List.copyOf(path);
	}

}
