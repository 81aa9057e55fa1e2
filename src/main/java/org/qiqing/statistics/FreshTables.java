package org.qiqing.statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL: a rebuild's fresh copies of tables of counted cells, filled by {@code COPY}
 * with no index, indexed once full, and put in place of the old tables in the rebuild's
 * transaction. Readers read the old counts until the rebuild commits (they wait only for
 * the swap at its end), no old row is deleted one by one, and each index is built once
 * from all its rows instead of grown row by row: a province's decade, 73 million day
 * rows, inserted into the indexed table took some 40 s a million.
 * <p>
 * The indexes are copied from the old table's own (the catalog's definitions), so that
 * those a later migration adds are rebuilt too.
 */
final class FreshTables {

	private static final String SUFFIX = "_rebuilt";

	/** The rows sent to the server at a time. */
	private static final int ROWS_A_SEND = 4096;

	private final JdbcTemplate jdbc;

	private final List<String> tables;

	private boolean indexed;

	private FreshTables(JdbcTemplate jdbc, List<String> tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	/** Creates an empty copy of each table, without its indexes, in the transaction. */
	static FreshTables of(JdbcTemplate jdbc, String... tables) {
		for (String table : tables) {
			jdbc.execute("create table " + fresh(table) + " (like " + table + " including defaults)");
		}
		return new FreshTables(jdbc, List.of(tables));
	}

	/** The name of a table's fresh copy until it is put in place. */
	static String fresh(String table) {
		return table + SUFFIX;
	}

	/**
	 * Copies rows of cells into the fresh copy of {@code table}, its columns those of
	 * {@link Rollups}' tables: the cell's date, then its key, then the count.
	 */
	void copy(String table, String columns, List<Map.Entry<Cells.Cell, Long>> rows) {
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + fresh(table) + " (" + columns + ") from stdin");
			try {
				StringBuilder text = new StringBuilder();
				for (int from = 0; from < rows.size(); from += ROWS_A_SEND) {
					text.setLength(0);
					for (Map.Entry<Cells.Cell, Long> row : rows.subList(from,
							Math.min(from + ROWS_A_SEND, rows.size()))) {
						line(text, row.getKey(), row.getValue());
					}
					byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
					copy.writeToCopy(bytes, 0, bytes.length);
				}
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			return null;
		});
	}

	/**
	 * Builds the old tables' indexes on the fresh copies (once) and gathers the planner's
	 * statistics of their rows.
	 */
	void index() {
		if (this.indexed) {
			return;
		}
		for (String table : this.tables) {
			for (Index index : indexesOf(table)) {
				this.jdbc.execute((index.unique() ? "create unique index " : "create index ") + fresh(index.name())
						+ " on " + fresh(table) + index.definition());
				if (index.primary()) {
					this.jdbc.execute("alter table " + fresh(table) + " add constraint " + fresh(index.name())
							+ " primary key using index " + fresh(index.name()));
				}
			}
			this.jdbc.execute("analyze " + fresh(table));
		}
		this.indexed = true;
	}

	/**
	 * Indexes the fresh copies and puts each in place of its table under the table's name
	 * and its indexes' (renaming a primary key's index renames its constraint).
	 */
	void putInPlace() {
		index();
		for (String table : this.tables) {
			List<Index> indexes = indexesOf(table);
			this.jdbc.execute("drop table " + table);
			this.jdbc.execute("alter table " + fresh(table) + " rename to " + table);
			for (Index index : indexes) {
				this.jdbc.execute("alter index " + fresh(index.name()) + " rename to " + index.name());
			}
		}
	}

	/** An index of a table: its name and what follows "ON table" in its definition. */
	private record Index(String name, boolean unique, boolean primary, String definition) {
	}

	private List<Index> indexesOf(String table) {
		List<Index> indexes = new ArrayList<>();
		this.jdbc.query("""
				select c.relname, i.indisunique, i.indisprimary, pg_get_indexdef(i.indexrelid)
				from pg_index i join pg_class c on c.oid = i.indexrelid
				where i.indrelid = cast(? as regclass) order by c.relname""", row -> {
			String definition = row.getString(4);
			indexes.add(new Index(row.getString(1), row.getBoolean(2), row.getBoolean(3),
					definition.substring(definition.indexOf(" USING "))));
		}, table);
		return indexes;
	}

	/** A row in COPY's text format: tab-separated, the text escaped. */
	private static void line(StringBuilder text, Cells.Cell cell, long n) {
		text.append(cell.day()).append('\t');
		escaped(text, cell.regionCode()).append('\t');
		escaped(text, cell.regionPath()).append('\t');
		text.append(cell.unitId()).append('\t');
		escaped(text, cell.role()).append('\t');
		text.append(cell.categoryId()).append('\t');
		escaped(text, cell.kind()).append('\t');
		escaped(text, cell.channel()).append('\t');
		escaped(text, cell.measure()).append('\t');
		text.append(cell.bucket()).append('\t').append(cell.stripe()).append('\t').append(n).append('\n');
	}

	private static StringBuilder escaped(StringBuilder text, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
		return text;
	}

}
