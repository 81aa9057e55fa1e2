package org.qiqing.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease on a scheduled job, so that one node at a time runs it: a row of a module's
 * lease table ({@code name, holder, held_until}), taken when free or run out and counted
 * on the database's clock, which all nodes share. A node killed while it holds the lease
 * holds it no longer than its length. The timers' sweep keeps its own, renewed while it
 * runs.
 */
public final class Lease {

	private final JdbcClient jdbc;

	private final String table;

	private final String name;

	private final Duration length;

	private final String node = UUID.randomUUID().toString();

	/**
	 * @param table the module's lease table, a name written in the code (never a value
	 * from outside)
	 * @param name the job's row in it
	 * @param length how long the lease lasts: longer than the job ever takes
	 */
	public Lease(JdbcClient jdbc, String table, String name, Duration length) {
		this.jdbc = jdbc;
		this.table = table;
		this.name = name;
		this.length = length;
	}

	/** Takes the lease when no node holds it; whether this node now does. */
	public boolean take() {
		Instant now = this.jdbc.sql("select current_timestamp").query(Timestamp.class).single().toInstant();
		return this.jdbc.sql("update " + this.table + """
				 set holder = :node, held_until = :until
				where name = :name and (held_until is null or held_until < :now)""")
			.param("node", this.node)
			.param("until", Timestamp.from(now.plus(this.length)))
			.param("name", this.name)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Gives the lease back, if this node holds it. */
	public void release() {
		this.jdbc
			.sql("update " + this.table + " set holder = null, held_until = null where name = :name and holder = :node")
			.param("name", this.name)
			.param("node", this.node)
			.update();
	}

}
