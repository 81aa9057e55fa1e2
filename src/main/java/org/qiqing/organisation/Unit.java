package org.qiqing.organisation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A government body: a department, a town government, a service centre.
 */
@Table("unit")
public class Unit {

	@Id
	private Long id;

	private String code;

	private String name;

	private UnitKind kind;

	private String regionCode;

	private Long superiorId;

	/** A disabled unit keeps its cases and history but is no longer offered. */
	private boolean enabled = true;

	@Version
	private Integer version;

	public Unit(String code, String name, UnitKind kind, String regionCode, Long superiorId) {
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.regionCode = regionCode;
		this.superiorId = superiorId;
	}

	public void update(String name, UnitKind kind, String regionCode, Long superiorId) {
		this.name = name;
		this.kind = kind;
		this.regionCode = regionCode;
		this.superiorId = superiorId;
	}

	/** Disables the unit (it is kept, not deleted), or restores it. */
	public void enable(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public UnitKind getKind() {
		return this.kind;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public Long getSuperiorId() {
		return this.superiorId;
	}

	public Integer getVersion() {
		return this.version;
	}

}
