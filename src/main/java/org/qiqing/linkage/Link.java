package org.qiqing.linkage;

import java.time.Instant;
import java.time.LocalDate;

import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A link (挂联) of one official or one working group to one target, to be visited at a
 * frequency within a period. Its holder and target never change: a link to someone else
 * is ended and a new one made, so that the coverage of the past stays true.
 */
@Table("link")
public class Link {

	@Id
	private Long id;

	private Long personId;

	private Long groupId;

	private LinkTarget targetKind;

	private Long enterpriseId;

	private String targetRegionCode;

	private String projectName;

	private String regionPath;

	private LinkFrequency frequency;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private Long createdBy;

	private Instant createdAt;

	@Version
	private Integer version;

	@PersistenceCreator
	Link() {
	}

	Link(Holder holder, Target target, LinkFrequency frequency, LocalDate startsOn, LocalDate endsOn, long createdBy,
			Instant createdAt) {
		this.personId = holder.personId();
		this.groupId = holder.groupId();
		this.targetKind = target.kind();
		this.enterpriseId = target.enterpriseId();
		this.targetRegionCode = target.regionCode();
		this.projectName = target.projectName();
		this.regionPath = target.regionPath();
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		reschedule(frequency, startsOn, endsOn);
	}

	/** Changes how often and from when to when the target is to be visited. */
	void reschedule(LinkFrequency frequency, LocalDate startsOn, LocalDate endsOn) {
		requirePeriod(startsOn, endsOn);
		this.frequency = frequency;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
	}

	/** Ends the link on a day (its last day), not before it started. */
	void end(LocalDate on) {
		if (this.endsOn != null && this.endsOn.isBefore(on)) {
			throw new NotAllowed(Text.of("error.link.ended", this.endsOn));
		}
		requirePeriod(this.startsOn, on);
		this.endsOn = on;
	}

	static void requirePeriod(LocalDate startsOn, LocalDate endsOn) {
		if (startsOn == null) {
			throw new InvalidInput("startsOn", Text.of("error.field.required", "startsOn"));
		}
		if (endsOn != null && endsOn.isBefore(startsOn)) {
			throw new InvalidInput("endsOn", Text.of("error.link.endBeforeStart", endsOn, startsOn));
		}
	}

	public Long getId() {
		return this.id;
	}

	public Holder getHolder() {
		return new Holder(this.personId, this.groupId);
	}

	public LinkTarget getTargetKind() {
		return this.targetKind;
	}

	public Long getEnterpriseId() {
		return this.enterpriseId;
	}

	public String getTargetRegionCode() {
		return this.targetRegionCode;
	}

	public String getProjectName() {
		return this.projectName;
	}

	public String getRegionPath() {
		return this.regionPath;
	}

	public LinkFrequency getFrequency() {
		return this.frequency;
	}

	public LocalDate getStartsOn() {
		return this.startsOn;
	}

	public LocalDate getEndsOn() {
		return this.endsOn;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public int getVersion() {
		return this.version == null ? 0 : this.version;
	}

	/** Who holds a link: one official or one working group. */
	public record Holder(Long personId, Long groupId) {

		public Holder {
			if ((personId == null) == (groupId == null)) {
				throw new InvalidInput("holder", Text.of("error.link.holder"));
			}
		}

		public static Holder person(long id) {
			return new Holder(id, null);
		}

		public static Holder group(long id) {
			return new Holder(null, id);
		}

	}

	/**
	 * What a link ties to, resolved: its kind, the enterprise or region or project, and
	 * the path of the region it lies in.
	 */
	record Target(LinkTarget kind, Long enterpriseId, String regionCode, String projectName, String regionPath) {
	}

}
