package org.qiqing.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.platform.FileType;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Uploads;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Who sees and does what of the campaign and its meetings, for every endpoint under
 * {@code /api/v1/campaigns}, {@code /api/v1/meetings} and every page, for every role of
 * the {@link TestWorld}, own county (A) and foreign (B): in each county a campaign (in A
 * of departments A and A2, in B of department B) and a meeting. Inspectors of the county
 * manage; its leader reads and assigns decisions; a unit taking part sees and ticks its
 * own checklist only, never a meeting; an enterprise nothing; nobody anything of the
 * other county.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignAccessIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	CampaignManagement management;

	@Autowired
	MeetingManagement meetings;

	@Autowired
	CampaignQueries queries;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	/** The records of a county. */
	record County(long campaign, long action, long tickedUnit, long meeting, long decision, long pageDecision) {
	}

	Member inspectorA;

	Member inspectorB;

	County a;

	County b;

	@BeforeAll
	void records() {
		this.inspectorA = this.officials.official("t.ca.inspector.a", Role.INSPECTOR, this.world.centreA(), "330421");
		this.inspectorB = this.officials.official("t.ca.inspector.b", Role.INSPECTOR, this.world.centreB(), "330481");
		this.a = county(this.inspectorA, "330421", this.world.centreA(),
				List.of(this.world.deptA(), this.world.otherDeptA()));
		this.b = county(this.inspectorB, "330481", this.world.centreB(), List.of(this.world.deptB()));
	}

	County county(Member inspector, String region, Unit organiser, List<Unit> units) {
		Actor actor = inspector.actor();
		LocalDate today = LocalDate.now(PlatformClock.CHINA);
		long campaign = this.management.createCampaign(new NewCampaign("专题教育" + region, organiser.getId(),
				today.minusDays(5), today.plusDays(30), units.stream().map(Unit::getId).toList(), List.of()), actor);
		long action = this.queries.actions(campaign).get(0).id();
		this.management.markDone(campaign, action, units.get(0).getId(), today, "已完成" + region,
				new Uploads.Upload("a.png", FileType.PNG, PNG), actor);
		long meeting = this.meetings.callMeeting(
				new NewMeeting(MeetingKind.BIMONTHLY, campaign, organiser.getId(), today, "参会" + region), actor);
		long decision = this.meetings.addDecision(meeting,
				new NewDecision("议定" + region, units.get(0).getId(), today.plusDays(5)), actor);
		long pageDecision = this.meetings.addDecision(meeting,
				new NewDecision("页面议定" + region, units.get(0).getId(), today.plusDays(5)), actor);
		return new County(campaign, action, units.get(0).getId(), meeting, decision, pageDecision);
	}

	/** Everybody, by name. */
	Map<String, Member> everybody() {
		Map<String, Member> all = new LinkedHashMap<>();
		all.put("inspectorA", this.inspectorA);
		all.put("inspectorB", this.inspectorB);
		all.put("admin", this.world.admin());
		all.put("dispatcherA", this.world.dispatcherA());
		all.put("handlerA", this.world.handlerA());
		all.put("otherHandlerA", this.world.otherHandlerA());
		all.put("enterpriseA", this.world.enterpriseA());
		all.put("visitorA", this.world.visitorA());
		all.put("leaderA", this.world.leaderA());
		all.put("supervisorA", this.world.supervisorA());
		all.put("dispatcherB", this.world.dispatcherB());
		all.put("handlerB", this.world.handlerB());
		all.put("enterpriseB", this.world.enterpriseB());
		return all;
	}

	/**
	 * What each sees of county A: the campaign, department A's checklist, the meeting;
	 * whether he manages (an inspector of A) or may tick department A's key actions.
	 */
	record Sight(boolean campaign, boolean checklist, boolean meeting, boolean manages, boolean ticks, boolean leads) {
	}

	static Sight sightOfA(String who) {
		return switch (who) {
			case "inspectorA" -> new Sight(true, true, true, true, true, false);
			case "leaderA" -> new Sight(true, true, true, false, false, true);
			case "handlerA" -> new Sight(true, true, false, false, true, false);
			// the other department takes part: it sees the campaign and its own checklist
			case "otherHandlerA" -> new Sight(true, false, false, false, false, false);
			default -> new Sight(false, false, false, false, false, false);
		};
	}

	static boolean seesB(String who) {
		return who.equals("inspectorB") || who.equals("handlerB");
	}

	/** The answer to a change one may not make: 404 when one does not see the record. */
	static int refused(boolean sees) {
		return sees ? 409 : 404;
	}

	@Test
	void everyEndpointShowsAndDoesForEachRoleExactlyWhatIsHis() throws Exception {
		Api api = new Api(this.mvc);
		String tomorrow = LocalDate.now(PlatformClock.CHINA).plusDays(1).toString();
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			Member m = entry.getValue();
			Sight sees = sightOfA(who);
			String as = who + " ";
			boolean enterprise = m.actor().isEnterpriseContact();
			String campaign = "/api/v1/campaigns/" + this.a.campaign();
			MvcResult list = api.get(m, "/api/v1/campaigns");
			assertThat(list.getResponse().getStatus()).as(as + "campaigns").isEqualTo(enterprise ? 403 : 200);
			assertThat(list.getResponse().getContentAsString().contains("专题教育330421")).as(as + "campaigns list")
				.isEqualTo(sees.campaign());
			assertThat(list.getResponse().getContentAsString().contains("专题教育330481"))
				.as(as + "campaigns list, foreign")
				.isEqualTo(seesB(who));
			assertThat(status(api, m, campaign)).as(as + "campaign").isEqualTo(sees.campaign() ? 200 : 404);
			assertThat(status(api, m, campaign + "/lagging")).as(as + "lagging").isEqualTo(sees.campaign() ? 200 : 404);
			assertThat(status(api, m, "/api/v1/campaigns/" + this.b.campaign())).as(as + "foreign campaign")
				.isEqualTo(seesB(who) ? 200 : 404);
			String detail = body(api, m, campaign);
			assertThat(detail.contains("已完成330421")).as(as + "department A's checklist").isEqualTo(sees.checklist());
			String evidence = "/units/%d/actions/%d/evidence".formatted(this.a.tickedUnit(), this.a.action());
			assertThat(status(api, m, campaign + evidence)).as(as + "evidence").isEqualTo(sees.checklist() ? 200 : 404);
			// Ticking (with a day to come, so nothing is stored): refused before the day
			// is even read for whoever may not tick.
			String done = campaign + "/units/%d/actions/%d/done".formatted(this.a.tickedUnit(), this.a.action());
			assertThat(api.post(m, done, "{\"doneOn\": \"%s\", \"note\": \"x\"}".formatted(tomorrow))
				.getResponse()
				.getStatus()).as(as + "tick").isEqualTo(sees.ticks() ? 400 : refused(sees.checklist()));
			MvcResult multipart = this.mvc
				.perform(bearer(m,
						MockMvcRequestBuilders.multipart(done)
							.file(new MockMultipartFile("evidence", "b.png", "image/png", PNG))
							.param("doneOn", tomorrow)))
				.andReturn();
			assertThat(multipart.getResponse().getStatus()).as(as + "tick with a file")
				.isEqualTo(sees.ticks() ? 400 : refused(sees.checklist()));
			assertThat(api.post(m, campaign + "/urge", "{}").getResponse().getStatus()).as(as + "urge")
				.isEqualTo(sees.manages() ? 200 : refused(sees.campaign()));
			assertThat(api.post(m, campaign + "/actions", "{\"name\": \"新增动作" + who + "\"}").getResponse().getStatus())
				.as(as + "add a key action")
				.isEqualTo(sees.manages() ? 201 : refused(sees.campaign()));
			assertThat(this.mvc
				.perform(bearer(m,
						MockMvcRequestBuilders.put(campaign + "/actions/" + this.a.action())
							.contentType("application/json")
							.content("{\"name\": \"专题党课\", \"dueOn\": \"%s\"}".formatted(tomorrow))))
				.andReturn()
				.getResponse()
				.getStatus()).as(as + "change a key action").isEqualTo(sees.manages() ? 204 : refused(sees.campaign()));
			// Meetings: the overseers of the county.
			MvcResult meetings = api.get(m, "/api/v1/meetings");
			assertThat(meetings.getResponse().getStatus()).as(as + "meetings").isEqualTo(enterprise ? 403 : 200);
			assertThat(meetings.getResponse().getContentAsString().contains("参会330421")).as(as + "meetings list")
				.isEqualTo(sees.meeting());
			assertThat(meetings.getResponse().getContentAsString().contains("参会330481"))
				.as(as + "meetings list, foreign")
				.isEqualTo(who.equals("inspectorB"));
			String meeting = "/api/v1/meetings/" + this.a.meeting();
			assertThat(status(api, m, meeting)).as(as + "meeting").isEqualTo(sees.meeting() ? 200 : 404);
			assertThat(status(api, m, "/api/v1/meetings/" + this.b.meeting())).as(as + "foreign meeting")
				.isEqualTo(who.equals("inspectorB") ? 200 : 404);
			assertThat(this.mvc
				.perform(bearer(m,
						MockMvcRequestBuilders.put(meeting + "/minutes")
							.contentType("application/json")
							.content("{\"minutes\": \"纪要" + who + "\"}")))
				.andReturn()
				.getResponse()
				.getStatus()).as(as + "minutes").isEqualTo(sees.manages() ? 204 : refused(sees.meeting()));
			assertThat(api
				.post(m, meeting + "/decisions",
						"{\"text\": \"决定\", \"unitId\": %d, \"dueOn\": \"%s\"}".formatted(this.a.tickedUnit(),
								tomorrow))
				.getResponse()
				.getStatus()).as(as + "decision").isEqualTo(sees.manages() ? 201 : refused(sees.meeting()));
			assertThat(api.post(m, meeting + "/decisions/" + this.a.decision() + "/assign", "{}")
				.getResponse()
				.getStatus()).as(as + "assign").isEqualTo(sees.leads() ? 201 : refused(sees.meeting()));
			// Setting up: an inspector of the organiser's county only.
			LocalDate today = LocalDate.now(PlatformClock.CHINA);
			assertThat(api
				.post(m, "/api/v1/campaigns",
						"""
								{"title": "越权%s", "organiserUnitId": %d, "startsOn": "%s", "endsOn": "%s", "unitIds": [%d]}"""
							.formatted(who, this.world.centreA().getId(), today, today, this.world.deptA().getId()))
				.getResponse()
				.getStatus()).as(as + "set up a campaign").isEqualTo(who.equals("inspectorA") ? 201 : 409);
			assertThat(api
				.post(m, "/api/v1/meetings",
						"""
								{"kind": "REGULAR", "organiserUnitId": %d, "heldOn": "%s", "participants": "越权"}"""
							.formatted(this.world.centreA().getId(), today))
				.getResponse()
				.getStatus()).as(as + "call a meeting").isEqualTo(who.equals("inspectorA") ? 201 : 409);
		}
	}

	@Test
	void everyPageShowsAndDoesForEachRoleExactlyWhatIsHis() throws Exception {
		String tomorrow = LocalDate.now(PlatformClock.CHINA).plusDays(1).toString();
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			Sight sees = sightOfA(who);
			MockHttpSession session = this.api.login(entry.getValue());
			boolean enterprise = entry.getValue().actor().isEnterpriseContact();
			MvcResult index = this.api.page(session, "/campaigns");
			assertThat(index.getResponse().getStatus()).as(who + " index").isEqualTo(enterprise ? 403 : 200);
			String html = index.getResponse().getContentAsString();
			assertThat(html.contains("专题教育330421")).as(who + " index names the campaign").isEqualTo(sees.campaign());
			assertThat(html.contains("专题教育330481")).as(who + " index names the foreign campaign").isEqualTo(seesB(who));
			if (enterprise) {
				assertThat(this.api.page(session, "/queue").getResponse().getContentAsString())
					.doesNotContain("href=\"/campaigns\"");
			}
			if (who.equals("inspectorA") || who.equals("leaderA") || who.equals("handlerA")) {
				assertThat(html).as(who + " navigation").contains("href=\"/campaigns\"");
			}
			MvcResult campaign = this.api.page(session, "/campaigns/" + this.a.campaign());
			assertThat(campaign.getResponse().getStatus()).as(who + " campaign page")
				.isEqualTo(sees.campaign() ? 200 : 404);
			String checklist = campaign.getResponse().getContentAsString();
			assertThat(checklist.contains("已完成330421")).as(who + " department A's checklist on the page")
				.isEqualTo(sees.checklist());
			assertThat(this.api.page(session, "/campaigns/" + this.b.campaign()).getResponse().getStatus())
				.as(who + " foreign campaign page")
				.isEqualTo(seesB(who) ? 200 : 404);
			assertThat(this.api
				.page(session,
						"/campaigns/%d/units/%d/actions/%d/evidence".formatted(this.a.campaign(), this.a.tickedUnit(),
								this.a.action()))
				.getResponse()
				.getStatus()).as(who + " evidence").isEqualTo(sees.checklist() ? 200 : 404);
			MvcResult meeting = this.api.page(session, "/meetings/" + this.a.meeting());
			assertThat(meeting.getResponse().getStatus()).as(who + " meeting page")
				.isEqualTo(sees.meeting() ? 200 : 404);
			assertThat(this.api.page(session, "/meetings/" + this.b.meeting()).getResponse().getStatus())
				.as(who + " foreign meeting page")
				.isEqualTo(who.equals("inspectorB") ? 200 : 404);
			// The forms.
			assertThat(post(session,
					MockMvcRequestBuilders.multipart("/campaigns/" + this.a.campaign() + "/done")
						.param("unitId", Long.toString(this.a.tickedUnit()))
						.param("actionId", Long.toString(this.a.action()))
						.param("doneOn", tomorrow)
						.param("note", "x")))
				.as(who + " tick form")
				.isEqualTo(sees.ticks() ? 400 : refused(sees.checklist()));
			assertThat(post(session, MockMvcRequestBuilders.post("/campaigns/" + this.a.campaign() + "/urge")))
				.as(who + " urge form")
				.isEqualTo(sees.manages() ? 302 : refused(sees.campaign()));
			assertThat(post(session,
					MockMvcRequestBuilders.post("/campaigns/" + this.a.campaign() + "/actions")
						.param("name", "页面动作" + who)))
				.as(who + " key action form")
				.isEqualTo(sees.manages() ? 302 : refused(sees.campaign()));
			assertThat(post(session,
					MockMvcRequestBuilders.post("/campaigns/" + this.a.campaign() + "/actions/" + this.a.action())
						.param("name", "专题党课")
						.param("dueOn", tomorrow)))
				.as(who + " key action change form")
				.isEqualTo(sees.manages() ? 302 : refused(sees.campaign()));
			assertThat(post(session,
					MockMvcRequestBuilders.post("/meetings/" + this.a.meeting() + "/minutes").param("minutes", "纪要")))
				.as(who + " minutes form")
				.isEqualTo(sees.manages() ? 302 : refused(sees.meeting()));
			assertThat(post(session,
					MockMvcRequestBuilders.post("/meetings/" + this.a.meeting() + "/decisions")
						.param("text", "页面决定")
						.param("unitId", Long.toString(this.a.tickedUnit()))
						.param("dueOn", tomorrow)))
				.as(who + " decision form")
				.isEqualTo(sees.manages() ? 302 : refused(sees.meeting()));
			assertThat(post(session,
					MockMvcRequestBuilders
						.post("/meetings/" + this.a.meeting() + "/decisions/" + this.a.pageDecision() + "/assign")))
				.as(who + " assign form")
				.isEqualTo(sees.leads() ? 302 : refused(sees.meeting()));
			String today = LocalDate.now(PlatformClock.CHINA).toString();
			assertThat(post(session,
					MockMvcRequestBuilders.post("/campaigns")
						.param("title", "页面专题教育" + who)
						.param("organiserUnitId", Long.toString(this.world.centreA().getId()))
						.param("startsOn", today)
						.param("endsOn", today)))
				.as(who + " campaign form")
				.isEqualTo(who.equals("inspectorA") ? 302 : 409);
			assertThat(post(session,
					MockMvcRequestBuilders.post("/meetings")
						.param("kind", "REGULAR")
						.param("organiserUnitId", Long.toString(this.world.centreA().getId()))
						.param("heldOn", today)
						.param("participants", "页面")))
				.as(who + " meeting form")
				.isEqualTo(who.equals("inspectorA") ? 302 : 409);
		}
	}

	int post(MockHttpSession session, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.session(session).with(csrf())).andReturn().getResponse().getStatus();
	}

	static AbstractMockHttpServletRequestBuilder<?> bearer(Member who,
			AbstractMockHttpServletRequestBuilder<?> request) {
		return request.header(HttpHeaders.AUTHORIZATION, who.bearer());
	}

	static int status(Api api, Member m, String path) throws Exception {
		return api.get(m, path).getResponse().getStatus();
	}

	static String body(Api api, Member m, String path) throws Exception {
		MvcResult result = api.get(m, path);
		return result.getResponse().getStatus() == 200 ? result.getResponse().getContentAsString() : "";
	}

}
