package org.qiqing.campaign;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qiqing.campaign.CampaignViews.AgendaItem;
import org.qiqing.campaign.CampaignViews.Campaign;
import org.qiqing.campaign.CampaignViews.CampaignDetail;
import org.qiqing.campaign.CampaignViews.Cell;
import org.qiqing.campaign.CampaignViews.Decision;
import org.qiqing.campaign.CampaignViews.KeyAction;
import org.qiqing.campaign.CampaignViews.Lagging;
import org.qiqing.campaign.CampaignViews.Meeting;
import org.qiqing.campaign.CampaignViews.MeetingDetail;
import org.qiqing.campaign.CampaignViews.RegionProgress;
import org.qiqing.campaign.CampaignViews.UnitRow;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Units;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaigns, checklists, progress and meetings a person may see
 * ({@link CampaignScope}); a record he may not see is not found.
 */
@Component
@Transactional(readOnly = true)
public class CampaignQueries {

	private static final String CAMPAIGN_COLUMNS = "k.id, k.title, k.organiser_unit_id, k.region_code, k.starts_on, k.ends_on";

	private static final String MEETING_COLUMNS = """
			m.id, m.kind, m.campaign_id, m.organiser_unit_id, m.region_code, m.held_on, m.participants, m.minutes""";

	private static final String LAGGING = """
			select cu.campaign_id, cu.unit_id, cu.region_code, a.name
			from campaign_unit cu
			join campaign_action a on a.campaign_id = cu.campaign_id
			where a.retired = false and a.due_on < :today
			  and not exists (select 1 from campaign_done d where d.action_id = a.id and d.unit_id = cu.unit_id)
			  and """ + CampaignScope.UNITS;

	private final JdbcClient jdbc;

	private final Units units;

	private final Regions regions;

	private final Clock clock;

	CampaignQueries(JdbcClient jdbc, Units units, Regions regions, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.regions = regions;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

	/** The campaigns one sees, the latest first. */
	public List<Campaign> campaigns(Actor actor) {
		List<Campaign> rows = CampaignScope
			.bind(this.jdbc.sql("select " + CAMPAIGN_COLUMNS + " from campaign k where " + CampaignScope.CAMPAIGNS
					+ " order by k.starts_on desc, k.id desc limit 100"), actor)
			.query((rs, i) -> new Campaign(rs.getLong(1), rs.getString(2), rs.getLong(3), null, rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
		Map<Long, String> names = unitNames(rows.stream().map(Campaign::organiserUnitId).toList());
		return rows.stream().map(c -> named(c, names)).toList();
	}

	Optional<Campaign> find(long id, Actor actor) {
		return CampaignScope
			.bind(this.jdbc
				.sql("select " + CAMPAIGN_COLUMNS + " from campaign k where k.id = :id and " + CampaignScope.CAMPAIGNS),
					actor)
			.param("id", id)
			.query((rs, i) -> new Campaign(rs.getLong(1), rs.getString(2), rs.getLong(3), null, rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.optional()
			.map(c -> named(c, unitNames(List.of(c.organiserUnitId()))));
	}

	boolean manages(long id, Actor actor) {
		return CampaignScope
			.bind(this.jdbc.sql("select count(*) from campaign k where k.id = :id and " + CampaignScope.MANAGED), actor)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** A campaign's key actions, retired ones too, in order. */
	public List<KeyAction> actions(long campaignId) {
		return this.jdbc.sql(
				"select id, position, name, due_on, retired from campaign_action where campaign_id = :c order by position, id")
			.param("c", campaignId)
			.query((rs, i) -> new KeyAction(rs.getLong(1), rs.getInt(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getBoolean(5)))
			.list();
	}

	/**
	 * A campaign with its key actions, the checklists of the units one sees and their
	 * progress by region.
	 */
	public CampaignDetail campaign(long id, Actor actor) {
		Campaign campaign = find(id, actor).orElseThrow(() -> notFound("campaign.record.campaign", id));
		List<KeyAction> actions = actions(id);
		List<KeyAction> current = actions.stream().filter(a -> !a.retired()).toList();
		record Member(long unitId, String regionCode) {
		}
		List<Member> members = CampaignScope
			.bind(this.jdbc.sql("select cu.unit_id, cu.region_code from campaign_unit cu where cu.campaign_id = :c and "
					+ CampaignScope.UNITS + " order by cu.region_code, cu.unit_id"), actor)
			.param("c", id)
			.query((rs, i) -> new Member(rs.getLong(1), rs.getString(2)))
			.list();
		record Done(long actionId, long unitId, LocalDate doneOn, String note, String filename) {
		}
		Map<String, Done> done = new HashMap<>();
		CampaignScope.bind(this.jdbc.sql("""
				select d.action_id, d.unit_id, d.done_on, d.note, d.filename
				from campaign_done d
				join campaign_action a on a.id = d.action_id
				join campaign_unit cu on cu.campaign_id = a.campaign_id and cu.unit_id = d.unit_id
				where a.campaign_id = :c and """ + CampaignScope.UNITS), actor)
			.param("c", id)
			.query((rs, i) -> new Done(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
					rs.getString(5)))
			.list()
			.forEach(d -> done.put(d.actionId() + ":" + d.unitId(), d));
		Map<Long, String> names = unitNames(members.stream().map(Member::unitId).toList());
		Map<String, String> regionNames = new HashMap<>();
		LocalDate today = today();
		List<UnitRow> rows = new ArrayList<>();
		Map<String, int[]> byRegion = new LinkedHashMap<>();
		for (Member member : members) {
			List<Cell> cells = new ArrayList<>();
			int doneCount = 0;
			int overdue = 0;
			for (KeyAction action : current) {
				Done d = done.get(action.id() + ":" + member.unitId());
				boolean late = d == null && action.dueOn().isBefore(today);
				cells.add(d == null ? new Cell(action.id(), null, null, null, late)
						: new Cell(action.id(), d.doneOn(), d.note(), d.filename(), false));
				doneCount += d == null ? 0 : 1;
				overdue += late ? 1 : 0;
			}
			String regionName = regionNames.computeIfAbsent(member.regionCode(),
					code -> this.regions.find(code).map(Region::name).orElse(code));
			rows.add(new UnitRow(member.unitId(), names.getOrDefault(member.unitId(), ""), member.regionCode(),
					regionName, doneCount, current.size(), overdue, cells));
			int[] tally = byRegion.computeIfAbsent(member.regionCode(), code -> new int[4]);
			tally[0]++;
			tally[1] += overdue > 0 ? 1 : 0;
			tally[2] += doneCount;
			tally[3] += current.size();
		}
		List<RegionProgress> progress = byRegion.entrySet()
			.stream()
			.map(e -> new RegionProgress(e.getKey(), regionNames.get(e.getKey()), e.getValue()[0], e.getValue()[1],
					e.getValue()[2], e.getValue()[3]))
			.toList();
		return new CampaignDetail(campaign, actions, rows, progress, manages(id, actor));
	}

	/**
	 * The units one sees that are behind on a campaign's checklist (or on any campaign's,
	 * when {@code campaignId} is null): a key action past its day and not done.
	 */
	public List<Lagging> lagging(Long campaignId, Actor actor) {
		record Late(long campaignId, long unitId, String regionCode, String action) {
		}
		List<Late> late = CampaignScope
			.bind(this.jdbc.sql(LAGGING + (campaignId == null ? "" : " and cu.campaign_id = :campaign")
					+ " order by cu.campaign_id, cu.region_code, cu.unit_id, a.position, a.id"), actor)
			.params(campaignId == null ? Map.of() : Map.of("campaign", campaignId))
			.param("today", today())
			.query((rs, i) -> new Late(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list();
		Map<Long, String> names = unitNames(late.stream().map(Late::unitId).toList());
		Map<String, List<Late>> grouped = new LinkedHashMap<>();
		late.forEach(l -> grouped.computeIfAbsent(l.campaignId() + ":" + l.unitId(), k -> new ArrayList<>()).add(l));
		return grouped.values()
			.stream()
			.map(ls -> new Lagging(ls.get(0).campaignId(), ls.get(0).unitId(),
					names.getOrDefault(ls.get(0).unitId(), ""), ls.get(0).regionCode(), ls.size(),
					ls.stream().map(Late::action).toList()))
			.toList();
	}

	/** The evidence file of a unit's key action, for whoever sees that checklist. */
	public Optional<EvidenceFile> evidence(long campaignId, long unitId, long actionId, Actor actor) {
		return CampaignScope.bind(this.jdbc.sql("""
				select d.filename, d.content_type, d.content
				from campaign_done d
				join campaign_action a on a.id = d.action_id
				join campaign_unit cu on cu.campaign_id = a.campaign_id and cu.unit_id = d.unit_id
				where a.campaign_id = :c and d.unit_id = :u and d.action_id = :a and d.filename is not null
				  and """ + CampaignScope.UNITS), actor)
			.param("c", campaignId)
			.param("u", unitId)
			.param("a", actionId)
			.query((rs, i) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** A stored evidence file. */
	public record EvidenceFile(String filename, String contentType, byte[] content) {
	}

	/** The meetings one sees, the latest first. */
	public List<Meeting> meetings(Actor actor) {
		List<Meeting> rows = CampaignScope
			.bind(this.jdbc.sql("select " + MEETING_COLUMNS + " from meeting m where " + CampaignScope.MEETINGS
					+ " order by m.held_on desc, m.id desc limit 100"), actor)
			.query((rs, i) -> meeting(rs))
			.list();
		Map<Long, String> names = unitNames(rows.stream().map(Meeting::organiserUnitId).toList());
		return rows.stream().map(m -> named(m, names)).toList();
	}

	Optional<Meeting> findMeeting(long id, Actor actor) {
		return CampaignScope
			.bind(this.jdbc
				.sql("select " + MEETING_COLUMNS + " from meeting m where m.id = :id and " + CampaignScope.MEETINGS),
					actor)
			.param("id", id)
			.query((rs, i) -> meeting(rs))
			.optional()
			.map(m -> named(m, unitNames(List.of(m.organiserUnitId()))));
	}

	/** A meeting with its agenda and decisions. */
	public MeetingDetail meeting(long id, Actor actor) {
		Meeting meeting = findMeeting(id, actor).orElseThrow(() -> notFound("campaign.record.meeting", id));
		List<AgendaItem> agenda = this.jdbc.sql("""
				select position, kind, ref_id, label, overdue, due_on from meeting_agenda_item
				where meeting_id = :m order by position""")
			.param("m", id)
			.query((rs, i) -> new AgendaItem(rs.getInt(1), AgendaKind.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getString(4), rs.getInt(5), rs.getObject(6, LocalDate.class)))
			.list();
		record Row(long id, String text, long unitId, LocalDate dueOn, Long caseId) {
		}
		List<Row> rows = this.jdbc
			.sql("select id, text, unit_id, due_on, case_id from meeting_decision where meeting_id = :m order by id")
			.param("m", id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
					(Long) rs.getObject(5, Long.class)))
			.list();
		Map<Long, String> names = unitNames(rows.stream().map(Row::unitId).toList());
		List<Decision> decisions = rows.stream()
			.map(r -> new Decision(r.id(), r.text(), r.unitId(), names.getOrDefault(r.unitId(), ""), r.dueOn(),
					r.caseId()))
			.toList();
		return new MeetingDetail(meeting, agenda, decisions);
	}

	private static Meeting meeting(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Meeting(rs.getLong(1), MeetingKind.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
				rs.getLong(4), null, rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
				rs.getString(8));
	}

	private static Campaign named(Campaign c, Map<Long, String> names) {
		return new Campaign(c.id(), c.title(), c.organiserUnitId(), names.getOrDefault(c.organiserUnitId(), ""),
				c.regionCode(), c.startsOn(), c.endsOn());
	}

	private static Meeting named(Meeting m, Map<Long, String> names) {
		return new Meeting(m.id(), m.kind(), m.campaignId(), m.organiserUnitId(),
				names.getOrDefault(m.organiserUnitId(), ""), m.regionCode(), m.heldOn(), m.participants(), m.minutes());
	}

	Map<Long, String> unitNames(List<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		this.units.findAllById(ids.stream().distinct().toList()).forEach(u -> names.put(u.getId(), u.getName()));
		return names;
	}

	static NotFound notFound(String record, Object id) {
		return new NotFound(Text.of("error.record.notFound", Text.of(record), id));
	}

}
