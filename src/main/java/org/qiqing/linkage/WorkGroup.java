package org.qiqing.linkage;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A working group (工作专班) led by a leader in a region; its leader and members share its
 * links, and a visit by any of them counts for the group.
 */
@Table("work_group")
public class WorkGroup {

	@Id
	private Long id;

	private String name;

	private Long leaderId;

	private String regionCode;

	private String regionPath;

	private Instant createdAt;

	@MappedCollection(idColumn = "group_id")
	private Set<Member> members = new java.util.HashSet<>();

	@Version
	private Integer version;

	@PersistenceCreator
	WorkGroup() {
	}

	WorkGroup(String name, long leaderId, String regionCode, String regionPath, Set<Long> memberIds,
			Instant createdAt) {
		this.createdAt = createdAt;
		describe(name, leaderId, regionCode, regionPath, memberIds);
	}

	void describe(String name, long leaderId, String regionCode, String regionPath, Set<Long> memberIds) {
		this.name = name.strip();
		this.leaderId = leaderId;
		this.regionCode = regionCode;
		this.regionPath = regionPath;
		this.members = memberIds.stream()
			.filter(id -> id != leaderId)
			.map(Member::new)
			.collect(Collectors.toCollection(java.util.HashSet::new));
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public long getLeaderId() {
		return this.leaderId;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public String getRegionPath() {
		return this.regionPath;
	}

	/** The members besides the leader, by id. */
	public Set<Long> getMemberIds() {
		return this.members.stream().map(Member::personId).collect(Collectors.toCollection(TreeSet::new));
	}

	public int getVersion() {
		return this.version == null ? 0 : this.version;
	}

	@Table("work_group_member")
	record Member(Long personId) {
	}

}
