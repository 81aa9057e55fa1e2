package org.qiqing.evaluation;

/**
 * How a question of a campaign is answered: a score of 1 to 5, or 满意 / 基本满意 / 不满意 (stored
 * as 3, 2, 1).
 */
public enum Scale {

	FIVE(5), THREE(3);

	private final int top;

	Scale(int top) {
		this.top = top;
	}

	public int top() {
		return this.top;
	}

	public boolean allows(int score) {
		return score >= 1 && score <= this.top;
	}

}
