package org.qiqing.platform;

/**
 * Which page of a list to show: the one rule of every list's {@code page} and
 * {@code size}. A page counts from 0 and holds 1 to the list's maximum rows; anything
 * else is refused (400) naming the parameter, on H2 and PostgreSQL alike, rather than
 * reaching the database as a negative offset or limit.
 *
 * @param page the page, from 0
 * @param size the rows on a page
 */
public record Paging(int page, int size) {

	/**
	 * @throws InvalidInput naming {@code page} or {@code size} when either is out of
	 * range
	 */
	public static Paging of(int page, int size, int maxSize) {
		FieldErrors errors = new FieldErrors();
		if (page < 0) {
			errors.reject("page", Text.of("error.paging.page"));
		}
		if (size < 1 || size > maxSize) {
			errors.reject("size", Text.of("error.paging.size", maxSize));
		}
		errors.throwIfAny();
		return new Paging(page, size);
	}

	/** The rows before this page: a long, as a far page times its size passes an int. */
	public long offset() {
		return (long) this.page * this.size;
	}

}
