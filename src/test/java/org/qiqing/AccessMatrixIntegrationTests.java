package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.AccessMatrixIntegrationTests.Kind.ADD;
import static org.qiqing.AccessMatrixIntegrationTests.Kind.CHANGE;
import static org.qiqing.AccessMatrixIntegrationTests.Kind.FILE;
import static org.qiqing.AccessMatrixIntegrationTests.Kind.FIND;
import static org.qiqing.AccessMatrixIntegrationTests.Kind.LIST;
import static org.qiqing.AccessMatrixIntegrationTests.Kind.NEUTRAL;
import static org.qiqing.AccessMatrixIntegrationTests.Kind.OPEN;
import static org.qiqing.AccessMatrixIntegrationTests.Kind.SHOW;
import static org.qiqing.AccessMatrixIntegrationTests.Sight.BLIND;
import static org.qiqing.AccessMatrixIntegrationTests.Sight.SEES;
import static org.qiqing.AccessMatrixIntegrationTests.Sight.UNCHECKED;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.CALENDAR;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.CAMPAIGN;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.CASE;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.CATEGORY;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.CONTACT;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.DEAD_LETTER;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.ENTERPRISE;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.GROUP;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.INVITATION;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.INTERNAL;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.LINK;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.NATIONAL;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.NONE;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.NOTICE;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.PERSON;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.PROFILE;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.REGION;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.REGISTRATION;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.ROBOT;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.SPOT_CHECK;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.TOKEN;
import static org.qiqing.AccessMatrixIntegrationTests.Subject.UNIT;
import static org.qiqing.platform.PlatformClock.CHINA;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URLDecoder;
import java.sql.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseSupervised;
import org.qiqing.casework.NoticeTopic;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Who sees and acts on what, proved for every endpoint and page the application has. A
 * case walks to "extension requested" in each county of the {@link TestWorld}; then every
 * member, of every role, calls every endpoint against the case, its internal steps, the
 * enterprise and a token of each county, and must get exactly what {@link #sight} says:
 * what he may see is shown to him, what he may not see is refused (403/404) and never
 * named in any answer, and what he may not touch stays as it was.
 * <p>
 * {@link #rules()} says how to call each endpoint. An endpoint without a row fails
 * {@link #everyEndpointHasARow()}: a new endpoint is not added without saying who may see
 * what it shows.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

	/**
	 * Every endpoint of the application, "METHOD /pattern", with "json" or "multipart"
	 * after it when the mapping consumes only that, and how to probe it. Placeholders in
	 * the path and the query are filled by {@link #values}.
	 * <p>
	 * An endpoint about a thing the matrix does not know yet (a unit, a region, a person)
	 * needs a {@link Subject} for it, its id in {@link #values}, its markers in
	 * {@link Things#markers}, its table in {@link #fingerprint} and, above all, who sees
	 * it in {@link #sight}.
	 */
	List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		// The case API
		rules.add(rule("GET /api/v1/cases", find(CASE, "q={number}"), list("size=100"), list("q={title}&size=100"),
				list("q={enterprise}&size=100"), list("state={state}&size=100")));
		rules.add(rule("GET /api/v1/cases/{id}", show(CASE)));
		rules.add(rule("GET /api/v1/cases/{id}/timeline", show(CASE)));
		rules.add(rule("GET /api/v1/cases/{id}/verification", show(CASE).namingNothing()));
		rules.add(rule("GET /api/v1/cases/{id}/orders", show(CASE).namingNothing()));
		// The supervision documents of a case (督办文书): officials who see the case, not its
		// enterprise; the PDF names nothing a search of its bytes would find.
		rules.add(rule("GET /api/v1/cases/{id}/documents", show(INTERNAL).namingNothing()));
		rules.add(rule("GET /api/v1/cases/{id}/documents/{seq}", show(INTERNAL).namingNothing()));
		rules.add(rule("GET /api/v1/cases/{id}/attachments/{attachmentId}", show(CASE), show(INTERNAL)));
		rules.add(rule("GET /api/v1/queue", list("size=100")));
		// Categories and their guides: shared by the city, read by anyone, changed by an
		// administrator of the top-level region only (like the national calendar).
		rules.add(rule("GET /api/v1/categories", neutral()));
		rules.add(rule("GET /api/v1/categories/{id}/guide", open(CATEGORY)));
		rules.add(rule("PUT /api/v1/categories/{id}/guide json", change(CATEGORY, this::categoryGuide)));
		rules.add(rule("GET /categories/guide", open(CATEGORY, "categoryId={id}")));
		rules.add(rule("GET /admin/categories", list("")));
		rules.add(rule("POST /admin/categories/{id}", change(CATEGORY, this::categoryGuideForm)));
		rules.add(rule("POST /api/v1/cases json", file(this::fileJson)));
		rules.add(rule("POST /api/v1/cases multipart", file(this::fileParts)));
		rules.add(rule("POST /api/v1/cases/{id}/{action} json", change(CASE, this::stepJson)));
		rules.add(rule("POST /api/v1/cases/{id}/{action} multipart", change(CASE, this::stepParts)));
		// The supervision desk
		rules.add(rule("GET /supervision", list(""), list("only=RED"), list("only=YELLOW")));
		rules.add(rule("GET /api/v1/supervision/watch", list(""), list("only=RED")));
		rules.add(rule("GET /api/v1/supervision/verification", list("")));
		rules.add(rule("GET /api/v1/supervision/bulletin", list("")));
		rules.add(rule("GET /api/v1/supervision/orders", list("")));
		rules.add(rule("GET /api/v1/supervision/units", list(""), list("time=RED")));
		// The ledgers are the lists' queries as .xlsx, whose compressed words this matrix
		// cannot read (CaseLedgerIntegrationTests reads them).
		rules.add(rule("GET /api/v1/supervision/export", list("")));
		rules.add(rule("GET /supervision/export", list("")));
		rules.add(rule("GET /api/v1/cases/export", list(""), list("q={title}")));
		rules.add(rule("GET /cases/export", list(""), list("q={title}")));
		// The pages of cases
		rules.add(rule("GET /", neutral()));
		rules.add(rule("GET /queue", list(""), list("size=100")));
		rules.add(rule("GET /board", find(CASE, "")));
		rules.add(rule("GET /board/columns/{state}", find(CASE, ""), list("page=1")));
		rules.add(rule("GET /cases", find(CASE, "q={number}"), list(""), list("q={title}"), list("q={enterprise}"),
				list("state={state}")));
		rules.add(rule("GET /cases/{id}", show(CASE)));
		rules.add(rule("GET /cases/{id}/attachments/{attachmentId}", show(CASE), show(INTERNAL)));
		rules.add(rule("GET /cases/{id}/documents", show(INTERNAL).namingNothing()));
		rules.add(rule("GET /cases/{id}/documents/{seq}.pdf", show(INTERNAL).namingNothing()));
		rules.add(rule("POST /cases/{id}/steps/{action}", change(CASE, this::stepForm)));
		rules.add(rule("GET /cases/new", find(ENTERPRISE, "enterpriseId={enterpriseId}")));
		rules.add(rule("POST /cases/new", file(this::fileForm)));
		// A leader's form shows the units of his jurisdiction; others are refused.
		rules.add(rule("GET /assignments/new", neutral()));
		rules.add(rule("POST /assignments/new", file(this::fileForm)));
		rules.add(rule("GET /enterprises/suggest", find(ENTERPRISE, "q={enterprise}"), list("q=测试"),
				list("q={creditCode}")));
		// Visits (走访): a visiting official's own visits; the form names an enterprise
		// given in the query only to him and only if he may see it; a visit is recorded
		// (with its cases) only for an enterprise the official may see.
		rules.add(rule("GET /visit", list("enterpriseId={enterpriseId}")));
		rules.add(rule("GET /visits", list("")));
		rules.add(rule("GET /visits/device/session", neutral()));
		rules.add(rule("GET /visits/device/enterprises", find(ENTERPRISE, "q={enterprise}"), list(""),
				list("q={creditCode}")));
		rules.add(rule("POST /visits/device/sync multipart", file(this::visitParts)));
		rules.add(rule("POST /visits/device/sync-batch multipart", file(this::visitBatchParts)));
		rules.add(rule("GET /api/v1/visits", list("size=100")));
		// A visit's photo: for the officials who may see the enterprise, as its profile.
		rules.add(rule("GET /visits/{visitId}/photos/{photoId}", show(PROFILE).namingNothing()));
		rules.add(rule("GET /api/v1/visits/{visitId}/photos/{photoId}", show(PROFILE).namingNothing()));
		rules.add(rule("POST /api/v1/visits json", file(this::visitJson)));
		rules.add(rule("POST /api/v1/visits multipart", file(this::visitParts)));
		// An import of past visits touches only enterprises of the importer's
		// jurisdiction (the enterprise's fingerprint counts its visits).
		rules.add(rule("POST /api/v1/visits/import multipart", add(ENTERPRISE,
				csv("credit_code,visitor,visited_on,notes", "{creditCode},t.visitor.a,2026-11-02,越权"))));
		// Login and API tokens
		rules.add(rule("GET /login", neutral()));
		// The code step of a login: asks the person who gave his password for his code.
		rules.add(rule("GET /login/totp", neutral()));
		// Each person's own second factor; touches nobody else's.
		rules.add(rule("GET /account/second-factor", neutral()));
		rules.add(rule("POST /account/second-factor", neutral()));
		// The error page: answers a failed request with no more than its status and
		// reason.
		rules.add(rule("ANY /error", neutral()));
		rules.add(rule("GET /tokens", neutral()));
		// Issues a token to the caller himself; touches nobody else's.
		rules.add(rule("POST /tokens", neutral()));
		rules.add(rule("POST /tokens/{id}/revoke", change(TOKEN, NO_BODY)));
		// The administration of regions, units and people, and the enterprise registry
		rules.add(rule("GET /api/v1/regions", find(REGION, "")));
		rules.add(rule("PUT /api/v1/regions/{code}", change(REGION, this::renameRegion)));
		rules.add(rule("GET /api/v1/units", list(""), list("q={unitCode}")));
		rules.add(rule("GET /api/v1/units/{id}", open(UNIT)));
		rules.add(rule("POST /api/v1/units json", add(REGION, this::newUnit)));
		rules.add(rule("PUT /api/v1/units/{id} json", change(UNIT, this::changeUnit)));
		rules.add(rule("POST /api/v1/units/import multipart", add(UNIT, csv(UNITS, "{unitCode},越权,OFFICE,{code}")),
				add(REGION, csv(UNITS, "{newCode},越权,OFFICE,{code}"))));
		// The regions a unit serves: read and changed by the administrators of its
		// jurisdiction only.
		rules.add(rule("GET /api/v1/units/{id}/served-regions", show(UNIT).namingNothing()));
		rules.add(rule("PUT /api/v1/units/{id}/served-regions json", change(UNIT, this::servedRegions)));
		rules.add(rule("GET /admin/units/{id}/serves", show(UNIT).namingNothing()));
		rules.add(rule("POST /admin/units/{id}/serves", change(UNIT, this::servedRegionsForm)));
		rules.add(rule("GET /api/v1/people", find(PERSON, "q={username}"), list("size=100")));
		rules.add(rule("GET /api/v1/people/{id}", show(PERSON)));
		rules.add(rule("POST /api/v1/people json", add(UNIT, this::newPerson)));
		rules.add(rule("PUT /api/v1/people/{id} json", change(PERSON, this::changePerson)));
		rules.add(rule("POST /api/v1/people/import multipart",
				add(PERSON, csv(PEOPLE, "{username},越权,{unitCode},ADMIN,password-1")),
				add(UNIT, csv(PEOPLE, "{newUsername},越权,{unitCode},ADMIN,password-1"))));
		rules.add(rule("GET /api/v1/enterprises", find(ENTERPRISE, "q={enterprise}"), list("size=100"),
				list("q={creditCode}")));
		rules.add(rule("GET /api/v1/enterprises/{id}", show(ENTERPRISE)));
		// The enterprise's profile: officials who see the enterprise, not the enterprise.
		// It names the enterprise as many pages its contact sees, so only whether it
		// is shown at all is checked; the search lists only enterprises one may see.
		rules.add(rule("GET /api/v1/enterprises/{id}/profile", show(PROFILE).namingNothing()));
		rules.add(rule("GET /enterprises/{id}", show(PROFILE).namingNothing()));
		rules.add(rule("GET /enterprises", list("q={enterprise}"), list("q={creditCode}")));
		rules.add(rule("POST /api/v1/enterprises json", add(REGION, this::newEnterprise)));
		rules.add(rule("PUT /api/v1/enterprises/{id} json", change(ENTERPRISE, this::changeEnterprise)));
		rules.add(rule("POST /api/v1/enterprises/import multipart",
				add(ENTERPRISE, csv(ENTERPRISES, "{creditCode},越权,{code}")),
				add(REGION, csv(ENTERPRISES, "{newCreditCode},越权,{code}"))));
		// The administration pages
		rules.add(rule("GET /admin/units", list(""), list("q={unitCode}")));
		rules.add(rule("POST /admin/units/import multipart", add(UNIT, csv(UNITS, "{unitCode},越权,OFFICE,{code}")),
				add(REGION, csv(UNITS, "{newCode},越权,OFFICE,{code}"))));
		rules.add(rule("GET /admin/people", find(PERSON, "q={username}"), list("")));
		rules.add(rule("POST /admin/people/import multipart",
				add(PERSON, csv(PEOPLE, "{username},越权,{unitCode},ADMIN,password-1")),
				add(UNIT, csv(PEOPLE, "{newUsername},越权,{unitCode},ADMIN,password-1"))));
		// Administration on pages and in the API: edits, disabling, restoring and
		// password
		// resets name a stale version, so that whoever may touch the subject is refused
		// too and the matrix's officials stay as they are.
		rules.add(rule("POST /api/v1/units/{id}/disable", change(UNIT, this::staleUnit)));
		rules.add(rule("POST /api/v1/units/{id}/restore", change(UNIT, this::staleUnit)));
		rules.add(rule("POST /api/v1/people/{id}/disable", change(PERSON, this::stalePerson)));
		rules.add(rule("POST /api/v1/people/{id}/restore", change(PERSON, this::stalePerson)));
		rules.add(rule("POST /api/v1/people/{id}/password-reset", change(PERSON, this::stalePerson)));
		rules.add(rule("GET /admin/people/new", neutral()));
		rules.add(rule("POST /admin/people", add(UNIT, this::newPersonForm)));
		rules.add(rule("GET /admin/people/{id}", show(PERSON).namingNothing()));
		rules.add(rule("POST /admin/people/{id}", change(PERSON, this::stalePersonForm)));
		rules.add(rule("POST /admin/people/{id}/disable", change(PERSON, this::staleVersionForm)));
		rules.add(rule("POST /admin/people/{id}/restore", change(PERSON, this::staleVersionForm)));
		rules.add(rule("POST /admin/people/{id}/password-reset", change(PERSON, this::staleVersionForm)));
		rules.add(rule("GET /admin/units/new", neutral()));
		rules.add(rule("POST /admin/units", add(REGION, this::newUnitForm)));
		rules.add(rule("GET /admin/units/{id}", show(UNIT).namingNothing()));
		rules.add(rule("POST /admin/units/{id}", change(UNIT, this::staleUnitForm)));
		rules.add(rule("POST /admin/units/{id}/disable", change(UNIT, this::staleVersionForm)));
		rules.add(rule("POST /admin/units/{id}/restore", change(UNIT, this::staleVersionForm)));
		// Each person's own password; touches nobody else's (no current password:
		// refused).
		rules.add(rule("GET /account/password", neutral()));
		rules.add(rule("POST /account/password", neutral()));
		// The category tree: changed by an administrator of the top-level region only;
		// the
		// lead unit of a category in a region by the administrators of the region.
		rules.add(rule("POST /api/v1/categories json", add(CATEGORY, this::newCategory)));
		rules.add(rule("GET /api/v1/categories/{id}", open(CATEGORY)));
		rules.add(rule("PUT /api/v1/categories/{id} json", change(CATEGORY, this::staleCategory)));
		rules.add(rule("POST /api/v1/categories/{id}/retire", change(CATEGORY, this::staleCategory)));
		rules.add(rule("POST /api/v1/categories/{id}/restore", change(CATEGORY, this::staleCategory)));
		rules.add(rule("GET /api/v1/categories/lead-units", neutral()));
		rules.add(rule("PUT /api/v1/categories/{categoryId}/lead-units/{code} json", change(REGION, this::noLeadUnit)));
		rules.add(rule("DELETE /api/v1/categories/{categoryId}/lead-units/{code}", change(REGION, NO_BODY)));
		rules.add(rule("POST /admin/categories/new", add(CATEGORY, this::newCategoryForm)));
		rules.add(rule("POST /admin/categories/{id}/describe", change(CATEGORY, this::staleCategoryForm)));
		rules.add(rule("POST /admin/categories/{id}/retire", change(CATEGORY, this::staleVersionForm)));
		rules.add(rule("POST /admin/categories/{id}/restore", change(CATEGORY, this::staleVersionForm)));
		rules.add(rule("POST /admin/categories/{categoryId}/lead-units", change(REGION, this::noLeadUnitForm)));
		rules.add(rule("GET /admin/enterprises", list("q={enterprise}"), list("")));
		rules.add(rule("POST /admin/enterprises/import multipart",
				add(ENTERPRISE, csv(ENTERPRISES, "{creditCode},越权,{code}")),
				add(REGION, csv(ENTERPRISES, "{newCreditCode},越权,{code}"))));
		// The working-day calendar: the county's override, and the national one
		rules.add(rule("GET /api/v1/calendar/{year}", show(CALENDAR, "region={code}"), list("region=")));
		rules.add(rule("PUT /api/v1/calendar/{year}/days/{date} json",
				change(CALENDAR, "region={code}", this::calendarDay), change(NATIONAL, "region=", this::calendarDay)));
		rules.add(rule("DELETE /api/v1/calendar/{year}/days/{date}", change(CALENDAR, "region={code}", NO_BODY),
				change(NATIONAL, "region=", NO_BODY)));
		rules.add(rule("POST /api/v1/calendar/{year}/import multipart",
				change(CALENDAR, "region={code}", csv(CALENDAR_DAYS, "{date},HOLIDAY,越权")),
				change(NATIONAL, "region=", csv(CALENDAR_DAYS, "{date},HOLIDAY,越权"))));
		rules.add(rule("GET /admin/calendar", show(CALENDAR, "year={year}&region={code}"), list("year={year}")));
		rules.add(rule("POST /admin/calendar/days",
				change(CALENDAR, "year={year}&region={code}&date={date}", this::calendarDayForm),
				change(NATIONAL, "year={year}&region=&date={date}", this::calendarDayForm)));
		rules.add(rule("POST /admin/calendar/days/remove",
				change(CALENDAR, "year={year}&region={code}&date={date}", NO_BODY),
				change(NATIONAL, "year={year}&region=&date={date}", NO_BODY)));
		rules.add(rule("POST /admin/calendar/import multipart",
				change(CALENDAR, "year={year}&region={code}", csv(CALENDAR_DAYS, "{date},HOLIDAY,越权")),
				change(NATIONAL, "year={year}&region=", csv(CALENDAR_DAYS, "{date},HOLIDAY,越权"))));
		// The inbox: each person's own notifications and choices
		rules.add(rule("GET /api/v1/notifications", find(NOTICE, ""), list("unread=true")));
		rules.add(rule("GET /api/v1/notifications/unread-count", neutral()));
		rules.add(rule("POST /api/v1/notifications/{id}/read", change(NOTICE, NO_BODY)));
		// Marks the caller's own notifications only.
		rules.add(rule("POST /api/v1/notifications/read-all", neutral()));
		rules.add(rule("GET /api/v1/notifications/preferences", neutral()));
		// The caller's own language only.
		rules.add(rule("GET /api/v1/account/language", neutral()));
		rules.add(rule("PUT /api/v1/account/language json", neutral()));
		rules.add(rule("PUT /api/v1/notifications/preferences", neutral()));
		rules.add(rule("GET /api/v1/notifications/delivery", neutral()));
		rules.add(rule("PUT /api/v1/notifications/delivery", neutral()));
		rules.add(rule("GET /inbox", find(NOTICE, ""), list("unread=true")));
		rules.add(rule("GET /inbox/stream", neutral()));
		rules.add(rule("POST /inbox/{id}/read", change(NOTICE, NO_BODY)));
		rules.add(rule("POST /inbox/read-all", neutral()));
		rules.add(rule("GET /inbox/preferences", neutral()));
		rules.add(rule("POST /inbox/preferences", neutral()));
		// The group robots of units and the dead letters, for their administrators
		rules.add(rule("GET /api/v1/notification-robots", find(ROBOT, "")));
		rules.add(rule("GET /api/v1/notification-robots/{id}", show(ROBOT)));
		rules.add(rule("POST /api/v1/notification-robots", add(ROBOT, this::newRobot)));
		rules.add(rule("PUT /api/v1/notification-robots/{id}", change(ROBOT, this::changeRobot)));
		rules.add(rule("DELETE /api/v1/notification-robots/{id}", change(ROBOT, NO_BODY)));
		rules.add(rule("GET /api/v1/notification-dead-letters", find(DEAD_LETTER, "")));
		rules.add(rule("POST /api/v1/notification-dead-letters/{id}/replay", change(DEAD_LETTER, NO_BODY)));
		// Replays the dead letters of the caller's jurisdiction only
		// (NotificationIntegrationTests):
		// probing it here would replay a letter its own administrator is still to find.
		rules.add(rule("POST /api/v1/notification-dead-letters/replay-all", neutral()));
		rules.add(rule("GET /admin/notifications", find(ROBOT, ""), find(DEAD_LETTER, "")));
		rules.add(rule("POST /admin/notifications/robots", add(ROBOT, this::robotForm)));
		rules.add(rule("POST /admin/notifications/robots/{id}", change(ROBOT, this::robotForm)));
		rules.add(rule("POST /admin/notifications/robots/{id}/delete", change(ROBOT, NO_BODY)));
		rules.add(rule("POST /admin/notifications/dead-letters/{id}/replay", change(DEAD_LETTER, NO_BODY)));
		rules.add(rule("POST /admin/notifications/dead-letters/replay-all", neutral()));
		// The enterprise's front door. Public: the registration form and API (they file a
		// registration of the caller's own, refused without a valid credit code) and the
		// status page, reached only with its secret code.
		rules.add(rule("GET /register", neutral()));
		rules.add(rule("POST /register", neutral()));
		rules.add(rule("GET /register/status/{code}", neutral()));
		rules.add(rule("POST /api/v1/registrations json", neutral()));
		// Registrations are decided by the centre of the region or the enterprise's
		// manager.
		rules.add(rule("GET /registrations", find(REGISTRATION, "")));
		rules.add(rule("POST /registrations/{id}/verify", change(REGISTRATION, this::decisionForm)));
		rules.add(rule("POST /registrations/{id}/refuse", change(REGISTRATION, this::decisionForm)));
		rules.add(rule("GET /api/v1/registrations", find(REGISTRATION, "")));
		rules.add(rule("GET /api/v1/registrations/{id}", show(REGISTRATION)));
		rules.add(rule("POST /api/v1/registrations/{id}/verify", change(REGISTRATION, this::decisionJson)));
		rules.add(rule("POST /api/v1/registrations/{id}/refuse", change(REGISTRATION, this::decisionJson)));
		// An enterprise's contacts are managed by its managing contact alone.
		rules.add(rule("GET /contacts", find(CONTACT, "")));
		rules.add(rule("POST /contacts", add(CONTACT, this::contactForm)));
		rules.add(rule("POST /contacts/{id}/{change}", change(CONTACT, NO_BODY)));
		rules.add(rule("GET /api/v1/contacts", find(CONTACT, "")));
		rules.add(rule("POST /api/v1/contacts json", add(CONTACT, this::contactJson)));
		rules.add(rule("POST /api/v1/contacts/{id}/{change}", change(CONTACT, NO_BODY)));
		// A service visit is asked by an enterprise for itself only.
		rules.add(rule("GET /help-visits/new", neutral()));
		rules.add(rule("POST /help-visits/new", file(this::helpVisitForm)));
		rules.add(rule("POST /api/v1/help-visits json", file(this::helpVisitJson)));
		// Linkage (挂联): links and groups are seen by the overseers of their county and
		// their own holders, changed by its administrators, leaders and dispatchers
		// (LinkageIntegrationTests: supervisors and visitors see but do not change).
		rules.add(rule("GET /api/v1/links", find(LINK, ""), list("q={enterprise}")));
		rules.add(rule("GET /api/v1/links/{id}", show(LINK)));
		rules.add(rule("POST /api/v1/links json", add(LINK, this::newLink)));
		rules.add(rule("PUT /api/v1/links/{id} json", change(LINK, this::changeLink)));
		rules.add(rule("POST /api/v1/links/{id}/end", change(LINK, this::endLink)));
		rules.add(rule("POST /api/v1/links/bulk json", add(LINK, this::bulkLinks)));
		rules.add(rule("POST /api/v1/links/import multipart", add(LINK, this::importLinks)));
		rules.add(rule("GET /api/v1/work-groups", find(GROUP, "")));
		rules.add(rule("GET /api/v1/work-groups/{id}", show(GROUP)));
		rules.add(rule("POST /api/v1/work-groups json", add(GROUP, this::newGroup)));
		rules.add(rule("PUT /api/v1/work-groups/{id} json", change(GROUP, this::changeGroup)));
		rules.add(rule("GET /links", find(LINK, ""), list("q={enterprise}")));
		rules.add(rule("POST /links", add(LINK, this::linkForm)));
		rules.add(rule("POST /links/{id}/end", change(LINK, this::endLinkForm)));
		rules.add(rule("POST /links/bulk", add(LINK, this::bulkForm)));
		rules.add(rule("POST /links/import multipart", add(LINK, this::importLinks)));
		rules.add(rule("POST /work-groups", add(GROUP, this::groupForm)));
		// The coverage lists the enterprise links of the county's group (its enterprise
		// is
		// named only to those who see the link); the export is the same query as .xlsx,
		// whose compressed words this matrix cannot read (LinkageIntegrationTests reads
		// it).
		rules.add(rule("GET /api/v1/coverage", list(""), list("region={code}&show=ALL"),
				list("group={groupId}&show=ALL")));
		rules.add(rule("GET /coverage", list(""), list("region={code}&show=ALL")));
		rules.add(rule("GET /coverage/export", list("region={code}&show=ALL")));
		// Phones and e-mail addresses in full (audited): to whoever sees the record.
		rules.add(rule("GET /api/v1/enterprises/{id}/contact", show(ENTERPRISE).namingNothing()));
		rules.add(rule("GET /enterprises/{id}/contact", show(ENTERPRISE).namingNothing()));
		rules.add(rule("GET /api/v1/registrations/{id}/contact", show(REGISTRATION).namingNothing()));
		rules.add(rule("GET /registrations/{id}/contact", show(REGISTRATION).namingNothing()));
		rules.add(rule("GET /api/v1/contacts/{id}/contact", show(CONTACT).namingNothing()));
		rules.add(rule("GET /contacts/{id}/contact", show(CONTACT).namingNothing()));
		// The audit log: administrators and inspectors, the entries of their jurisdiction
		// (AuditIntegrationTests).
		rules.add(rule("GET /api/v1/audit", list("")));
		// Statistics: counts within the reader's jurisdiction and unit, a foreign unit or
		// region 404 (StatisticsAccessIntegrationTests, every endpoint for every role).
		rules.add(rule("GET /api/v1/statistics/measures", neutral()));
		rules.add(rule("GET /api/v1/statistics/measures/by/{dimension}", neutral()));
		rules.add(rule("GET /api/v1/statistics/states", neutral()));
		rules.add(rule("GET /api/v1/statistics/states/by/{dimension}", neutral()));
		rules.add(rule("GET /api/v1/statistics/watch", neutral()));
		rules.add(rule("POST /api/v1/statistics/rebuild", neutral()));
		rules.add(rule("GET /dashboard", neutral()));
		rules.add(rule("GET /dashboard/export", neutral()));
		rules.add(rule("GET /statistics/definitions", neutral()));
		// Assessment: results within the reader's unit and jurisdiction, a foreign result
		// 404; the formula and freezing for the top administrator; follow-ups for
		// supervisors and leaders (AssessmentAccessIntegrationTests, every endpoint and
		// page for the roles concerned).
		rules.add(rule("GET /api/v1/assessment/formulas", neutral()));
		rules.add(rule("GET /api/v1/assessment/formulas/{version}", neutral()));
		rules.add(rule("GET /api/v1/assessment/formula", neutral()));
		rules.add(rule("POST /api/v1/assessment/formulas", neutral()));
		rules.add(rule("GET /api/v1/assessment/months", neutral()));
		rules.add(rule("GET /api/v1/assessment/months/{month}/results", neutral()));
		rules.add(rule("POST /api/v1/assessment/months/{month}/freeze", neutral()));
		rules.add(rule("GET /api/v1/assessment/months/{month}/verification", neutral()));
		rules.add(rule("GET /api/v1/assessment/months/{month}/bulletin", neutral()));
		rules.add(rule("GET /assessment/bulletin.pdf", neutral()));
		rules.add(rule("GET /api/v1/assessment/months/{month}/export", neutral()));
		rules.add(rule("GET /api/v1/assessment/results/{id}", neutralAbout(UNIT)));
		rules.add(rule("POST /api/v1/assessment/results/{id}/follow-ups", neutralAbout(UNIT)));
		rules.add(rule("GET /assessment", neutral()));
		rules.add(rule("GET /assessment/results/{id}", neutralAbout(UNIT)));
		rules.add(rule("POST /assessment/results/{id}/follow-ups", neutralAbout(UNIT)));
		rules.add(rule("POST /assessment/freeze", neutral()));
		rules.add(rule("GET /assessment/export", neutral()));
		rules.add(rule("GET /assessment/formula", neutral()));
		rules.add(rule("POST /assessment/formula", neutral()));
		rules.add(rule("GET /admin/audit", list("")));
		// Conduct evaluation: a campaign's results to the overseers of its region and to
		// its invited unit, in totals; an invitation to its enterprise alone; a
		// spot-check to the centre that calls and the overseers, never to the handling
		// unit (EvaluationIntegrationTests for the draws, answers and flags).
		rules.add(rule("GET /api/v1/evaluation/campaigns", find(CAMPAIGN, "")));
		rules.add(rule("GET /evaluation/campaigns", find(CAMPAIGN, "")));
		rules.add(rule("GET /api/v1/evaluation/campaigns/{id}/results", show(CAMPAIGN)));
		rules.add(rule("GET /evaluation/campaigns/{id}", show(CAMPAIGN)));
		rules.add(rule("POST /api/v1/evaluation/campaigns", neutral()));
		rules.add(rule("PUT /api/v1/evaluation/campaigns/{id}", change(CAMPAIGN, this::campaignJson)));
		rules.add(rule("POST /api/v1/evaluation/campaigns/{id}/close", change(CAMPAIGN, this::closeJson)));
		rules.add(rule("GET /api/v1/evaluation/campaigns/{id}/export", show(CAMPAIGN).namingNothing()));
		rules.add(rule("POST /evaluation/campaigns/{id}/edit", change(CAMPAIGN, this::campaignForm)));
		rules.add(rule("POST /evaluation/campaigns/{id}/close", change(CAMPAIGN, this::closeForm)));
		rules.add(rule("GET /evaluation/campaigns/{id}/export", show(CAMPAIGN).namingNothing()));
		rules.add(rule("POST /evaluation/campaigns", neutral()));
		rules.add(rule("GET /api/v1/evaluation/invitations", find(INVITATION, "")));
		rules.add(rule("GET /evaluation/invitations", find(INVITATION, "")));
		rules.add(rule("POST /api/v1/evaluation/invitations/{id}/answer", change(INVITATION, this::invitationJson)));
		rules.add(rule("POST /evaluation/invitations/{id}", change(INVITATION, this::invitationForm)));
		rules.add(rule("GET /api/v1/evaluation/spot-checks", find(SPOT_CHECK, "")));
		rules.add(rule("GET /evaluation/spot-checks", find(SPOT_CHECK, "")));
		rules.add(rule("GET /api/v1/evaluation/spot-checks/{id}", show(SPOT_CHECK)));
		rules.add(rule("GET /evaluation/spot-checks/{id}", show(SPOT_CHECK)));
		rules.add(rule("POST /api/v1/evaluation/spot-checks/{id}/answer", change(SPOT_CHECK, this::spotCheckJson)));
		rules.add(rule("POST /evaluation/spot-checks/{id}", change(SPOT_CHECK, this::spotCheckForm)));
		rules.add(rule("POST /api/v1/evaluation/spot-checks/draws", neutral()));
		rules.add(rule("POST /evaluation/spot-checks/draws", neutral()));
		rules.add(rule("GET /evaluation/cases/{caseId}/spot-checks", list("")));
		rules.add(rule("GET /api/v1/evaluation/flags", list("")));
		rules.add(rule("GET /evaluation/flags", list("")));

		// Discipline (专项检查、整改、问责): who sees which action, inspection, finding and
		// decision, and refuses every other, is proved for every endpoint and page, every
		// role, own and foreign county, by DisciplineAccessIntegrationTests (the records
		// are the discipline module's; this matrix's case-centred subjects do not reach
		// them).
		rules.add(rule("GET /api/v1/discipline/kinds", neutral()));
		rules.add(rule("POST /api/v1/discipline/kinds json", neutral()));
		rules.add(rule("PUT /api/v1/discipline/kinds/{id} json", neutral()));
		rules.add(rule("GET /api/v1/discipline/actions", neutral()));
		rules.add(rule("POST /api/v1/discipline/actions json", neutral()));
		rules.add(rule("GET /api/v1/discipline/actions/{id}", neutral()));
		rules.add(rule("POST /api/v1/discipline/actions/{id}/inspections json", neutral()));
		rules.add(rule("GET /api/v1/discipline/inspections", neutral()));
		rules.add(rule("GET /api/v1/discipline/inspections/{id}", neutral()));
		rules.add(rule("POST /api/v1/discipline/inspections/{id}/findings json", neutral()));
		rules.add(rule("POST /api/v1/discipline/inspections/{id}/findings multipart", neutral()));
		rules.add(rule("POST /api/v1/discipline/inspections/{id}/issue json", neutral()));
		rules.add(rule("GET /api/v1/discipline/findings", neutral()));
		rules.add(rule("GET /api/v1/discipline/findings/{id}", neutral()));
		rules.add(rule("GET /api/v1/discipline/findings/{id}/evidence/{evidenceId}", neutral()));
		rules.add(rule("GET /discipline/findings/{id}/evidence/{evidenceId}", neutral()));
		rules.add(rule("POST /api/v1/discipline/findings/{id}/rectification json", neutral()));
		rules.add(rule("POST /api/v1/discipline/self-examinations json", neutral()));
		rules.add(rule("GET /api/v1/discipline/accountability", neutral()));
		rules.add(rule("POST /api/v1/discipline/accountability json", neutral()));
		rules.add(rule("POST /api/v1/discipline/accountability multipart", neutral()));
		rules.add(rule("GET /api/v1/discipline/accountability/{id}", neutral()));
		rules.add(rule("GET /api/v1/discipline/accountability/{id}/document", neutral()));
		rules.add(rule("GET /discipline/accountability/{id}/document", neutral()));
		rules.add(rule("GET /api/v1/discipline/figures", neutral()));
		rules.add(rule("GET /api/v1/discipline/figures/export", neutral()));
		rules.add(rule("GET /discipline/figures/export", neutral()));
		rules.add(rule("GET /discipline", neutral()));
		rules.add(rule("GET /discipline/actions", neutral()));
		rules.add(rule("GET /discipline/findings", neutral()));
		rules.add(rule("POST /discipline/actions", neutral()));
		rules.add(rule("GET /discipline/actions/{id}", neutral()));
		rules.add(rule("POST /discipline/actions/{id}/inspections", neutral()));
		rules.add(rule("GET /discipline/inspections/{id}", neutral()));
		rules.add(rule("POST /discipline/inspections/{id}/findings", neutral()));
		rules.add(rule("POST /discipline/inspections/{id}/issue", neutral()));
		rules.add(rule("GET /discipline/accountability", neutral()));
		rules.add(rule("POST /discipline/accountability", neutral()));
		rules.add(rule("POST /discipline/groups/{id}", neutral()));
		rules.add(rule("PUT /api/v1/discipline/groups/{id} json", neutral()));
		rules.add(rule("PUT /api/v1/discipline/inspections/{id} json", neutral()));
		rules.add(rule("POST /api/v1/discipline/inspections/{id}/cancel json", neutral()));
		rules.add(rule("POST /discipline/inspections/{id}/move", neutral()));
		rules.add(rule("POST /discipline/inspections/{id}/cancel", neutral()));
		rules.add(rule("PUT /api/v1/discipline/inspections/{id}/checks json", neutral()));
		rules.add(rule("POST /discipline/inspections/{id}/checks", neutral()));
		rules.add(rule("GET /api/v1/discipline/actions/{id}/group-changes", neutral()));
		// The phone's inspection page and its device queue
		// (InspectionDeviceIntegrationTests
		// and DisciplineAccessIntegrationTests, for every role).
		rules.add(rule("GET /discipline/inspect", neutral()));
		rules.add(rule("GET /discipline/device/session", neutral()));
		rules.add(rule("POST /discipline/device/sync multipart", neutral()));
		// 公示: the public page and the inspector's publishing, every role own and foreign
		// and without a login, in DisciplineAccessIntegrationTests.
		rules.add(rule("GET /disclosure", neutral()));
		rules.add(rule("GET /disclosure/units/{id}", neutral()));
		rules.add(rule("GET /discipline/disclosures", neutral()));
		rules.add(rule("POST /discipline/disclosures/{id}/publish", neutral()));
		rules.add(rule("POST /discipline/disclosures/{id}/withdraw", neutral()));
		rules.add(rule("GET /api/v1/discipline/disclosures/{id}", neutral()));
		rules.add(rule("POST /api/v1/discipline/disclosures/{id}", neutral()));
		rules.add(rule("DELETE /api/v1/discipline/disclosures/{id}", neutral()));

		// The campaign (专题教育) and its meetings: who sees which campaign, checklist,
		// evidence and meeting, and who ticks, urges, records and assigns, is proved for
		// every endpoint and page, every role, own and foreign county, by
		// CampaignAccessIntegrationTests (the records are the campaign module's).
		rules.add(rule("GET /api/v1/campaigns", neutral()));
		rules.add(rule("POST /api/v1/campaigns json", neutral()));
		rules.add(rule("GET /api/v1/campaigns/{id}", neutral()));
		rules.add(rule("GET /api/v1/campaigns/{id}/lagging", neutral()));
		rules.add(rule("POST /api/v1/campaigns/{id}/actions json", neutral()));
		rules.add(rule("PUT /api/v1/campaigns/{id}/actions/{actionId} json", neutral()));
		rules.add(rule("POST /api/v1/campaigns/{id}/units/{unitId}/actions/{actionId}/done json", neutral()));
		rules.add(rule("POST /api/v1/campaigns/{id}/units/{unitId}/actions/{actionId}/done multipart", neutral()));
		rules.add(rule("GET /api/v1/campaigns/{id}/units/{unitId}/actions/{actionId}/evidence", neutral()));
		rules.add(rule("GET /campaigns/{id}/units/{unitId}/actions/{actionId}/evidence", neutral()));
		rules.add(rule("POST /api/v1/campaigns/{id}/urge", neutral()));
		rules.add(rule("GET /api/v1/meetings", neutral()));
		rules.add(rule("POST /api/v1/meetings json", neutral()));
		rules.add(rule("GET /api/v1/meetings/{id}", neutral()));
		rules.add(rule("PUT /api/v1/meetings/{id}/minutes json", neutral()));
		rules.add(rule("POST /api/v1/meetings/{id}/decisions json", neutral()));
		rules.add(rule("POST /api/v1/meetings/{id}/decisions/{decisionId}/assign", neutral()));
		rules.add(rule("GET /campaigns", neutral()));
		rules.add(rule("POST /campaigns", neutral()));
		rules.add(rule("GET /campaigns/{id}", neutral()));
		rules.add(rule("POST /campaigns/{id}/actions", neutral()));
		rules.add(rule("POST /campaigns/{id}/actions/{actionId}", neutral()));
		rules.add(rule("POST /campaigns/{id}/done", neutral()));
		rules.add(rule("POST /campaigns/{id}/urge", neutral()));
		rules.add(rule("POST /meetings", neutral()));
		rules.add(rule("GET /meetings/{id}", neutral()));
		rules.add(rule("POST /meetings/{id}/minutes", neutral()));
		rules.add(rule("POST /meetings/{id}/decisions", neutral()));
		rules.add(rule("POST /meetings/{id}/decisions/{decisionId}/assign", neutral()));
		return rules;
	}

	/**
	 * The requirement, written down rather than derived from the code: the county whose
	 * case each member sees. An official sees the cases of his unit and of the regions in
	 * his jurisdiction, an enterprise contact those of his enterprise; nobody sees more.
	 */
	private Map<Member, Set<String>> casesSeen() {
		Map<Member, Set<String>> seen = new LinkedHashMap<>();
		seen.put(this.world.admin(), Set.of("A", "B")); // the city: both counties
		seen.put(this.world.dispatcherA(), Set.of("A")); // jurisdiction 330421
		seen.put(this.world.handlerA(), Set.of("A")); // his unit leads case A
		seen.put(this.world.otherHandlerA(), Set.of()); // same county, not his unit's
		seen.put(this.world.enterpriseA(), Set.of("A")); // firm A's contact
		seen.put(this.world.visitorA(), Set.of("A")); // jurisdiction 西塘镇, where firm A is
		seen.put(this.world.leaderA(), Set.of("A")); // jurisdiction 330421
		seen.put(this.world.supervisorA(), Set.of("A")); // jurisdiction 330421
		seen.put(this.world.dispatcherB(), Set.of("B"));
		seen.put(this.world.handlerB(), Set.of("B"));
		seen.put(this.world.enterpriseB(), Set.of("B"));
		seen.put(this.adminA, Set.of("A")); // an administrator of county A
		seen.put(this.adminB, Set.of("B"));
		return seen;
	}

	/**
	 * The county whose region each member oversees: a jurisdiction over the county or
	 * above it. A visitor who oversees one town does not oversee the county.
	 */
	private Map<Member, Set<String>> regionsOverseen() {
		Map<Member, Set<String>> overseen = new LinkedHashMap<>();
		overseen.put(this.world.admin(), Set.of("A", "B"));
		overseen.put(this.world.dispatcherA(), Set.of("A"));
		overseen.put(this.world.leaderA(), Set.of("A"));
		overseen.put(this.world.supervisorA(), Set.of("A"));
		overseen.put(this.world.dispatcherB(), Set.of("B"));
		overseen.put(this.adminA, Set.of("A"));
		overseen.put(this.adminB, Set.of("B"));
		return overseen;
	}

	/** Whether a member administers a county: an administrator overseeing it. */
	private boolean administers(Member who, Things t) {
		return who.actor().has(Role.ADMIN) && regionsOverseen().getOrDefault(who, Set.of()).contains(t.county());
	}

	/** Whether a member must see (or touch) a subject of a county. */
	Sight sight(Member who, Subject subject, Things t) {
		boolean seesCase = casesSeen().get(who).contains(t.county());
		return switch (subject) {
			case CASE -> seesCase ? SEES : BLIND;
			// An enterprise contact sees only the steps meant for the enterprise.
			case INTERNAL -> seesCase && !who.actor().isEnterpriseContact() ? SEES : BLIND;
			// A handler also sees the enterprises of the other cases his unit leads;
			// in his own county the other tests decide which those are.
			case ENTERPRISE -> seesCase ? SEES
					: who.actor().has(Role.HANDLER) && membersOf(t.county()).contains(who) ? UNCHECKED : BLIND;
			case PROFILE -> who.actor().isEnterpriseContact() ? BLIND : sight(who, ENTERPRISE, t);
			case TOKEN -> who.equals(t.tokenOwner()) ? SEES : BLIND;
			case REGION -> regionsOverseen().getOrDefault(who, Set.of()).contains(t.county()) ? SEES : BLIND;
			// Anyone reads a unit (OPEN); only its administrators change it and see
			// its people.
			case UNIT, PERSON, ROBOT, DEAD_LETTER -> administers(who, t) ? SEES : BLIND;
			// A notification is its person's alone.
			case NOTICE -> who.equals(t.tokenOwner()) ? SEES : BLIND;
			// A county's calendar is read and changed by its administrators; the
			// national one is changed only by an administrator of a top-level region.
			case CALENDAR -> administers(who, t) ? SEES : BLIND;
			case NATIONAL -> who.equals(this.world.admin()) ? SEES : BLIND;
			// Categories are read by anyone (OPEN) and changed like the national
			// calendar.
			case CATEGORY -> who.equals(this.world.admin()) ? SEES : BLIND;
			// A registration: the dispatchers and administrators over its county, and
			// the managing contact of its enterprise (the earliest contact).
			case REGISTRATION -> (who.actor().has(Role.DISPATCHER) || who.actor().has(Role.ADMIN))
					&& regionsOverseen().getOrDefault(who, Set.of()).contains(t.county()) || who.equals(managerOf(t))
							? SEES : BLIND;
			case CONTACT -> who.equals(managerOf(t)) ? SEES : BLIND;
			// Overseers of the county see its links and groups; a holder his own link.
			case LINK -> overseesLinks(who, t) || who.equals(t.linkHolder()) ? SEES : BLIND;
			// The enterprise's profile names the groups linked to it to whoever sees it;
			// LinkageIntegrationTests proves that they cannot change them.
			case GROUP -> overseesLinks(who, t) ? SEES : sight(who, PROFILE, t) != BLIND ? UNCHECKED : BLIND;
			// A campaign: the overseers of its county and the members of its invited
			// unit; its enterprise sees it only as an invitation.
			case CAMPAIGN -> regionsOverseen().getOrDefault(who, Set.of()).contains(t.county())
					|| Long.valueOf(t.unitId()).equals(who.actor().unitId()) ? SEES
							: who.equals(managerOf(t)) ? UNCHECKED : BLIND;
			case INVITATION -> who.equals(managerOf(t)) ? SEES : sight(who, CAMPAIGN, t) == SEES ? UNCHECKED : BLIND;
			// A spot-check: the county's service centre and its overseers, never the
			// handling unit nor an enterprise.
			case SPOT_CHECK -> who.actor().isEnterpriseContact()
					|| Long.valueOf(t.unitId()).equals(who.actor().unitId())
							? BLIND
							: Long.valueOf(t.centreId()).equals(who.actor().unitId())
									|| regionsOverseen().getOrDefault(who, Set.of()).contains(t.county()) ? SEES
											: BLIND;
			case NONE -> UNCHECKED;
		};
	}

	/** The managing contact of the county's enterprise: its earliest contact. */
	private Member managerOf(Things t) {
		return t.county().equals("A") ? this.world.enterpriseA() : this.world.enterpriseB();
	}

	/**
	 * Whether a member oversees the links of a county: an administrator, leader,
	 * dispatcher or supervisor over it.
	 */
	private boolean overseesLinks(Member who, Things t) {
		return regionsOverseen().getOrDefault(who, Set.of()).contains(t.county());
	}

	/** What an endpoint is about: what {id} in its path stands for, and what names it. */
	enum Subject {

		/** A case: {id} is the case, {attachmentId} the document filed with it. */
		CASE,
		/** The internal steps of a case, which its enterprise does not see. */
		INTERNAL,
		/** An enterprise: {id} is the enterprise. */
		ENTERPRISE,
		/** An enterprise's profile, for officials: {id} is the enterprise. */
		PROFILE,
		/** A person's API token: {id} is the token. */
		TOKEN,
		/** The county's region: {code} is its code. */
		REGION,
		/** The lead unit of the county's case: {id} is the unit. */
		UNIT,
		/** An official of the county (its dispatcher): {id} is the person. */
		PERSON,
		/**
		 * The county's override of the working-day calendar: {code} is its region, {date}
		 * its local holiday in {year}.
		 */
		CALENDAR,
		/** The national working-day calendar, changed the same {year} and {date}. */
		NATIONAL,
		/** The category of the cases, shared by both counties: {id} is the category. */
		CATEGORY,
		/** A notification of the county's dispatcher: {id} is the notification. */
		NOTICE,
		/** A group robot of the county's lead unit: {id} is the robot. */
		ROBOT,
		/** A message to that robot given up by the worker: {id} is the outbox row. */
		DEAD_LETTER,
		/** A pending registration of a contact of the county's enterprise: {id} is it. */
		REGISTRATION,
		/** A second contact of the county's enterprise: {id} is the person. */
		CONTACT,
		/**
		 * A link of the county to a project, held by one of its officials: {id} is the
		 * link.
		 */
		LINK,
		/**
		 * A working group of the county, which holds a link to its enterprise: {id} is
		 * the group.
		 */
		GROUP,
		/**
		 * An evaluation campaign of the county with an invitation of its enterprise to
		 * rate its lead unit: {id} is the campaign.
		 */
		CAMPAIGN,
		/** That invitation: {id} is it. */
		INVITATION,
		/**
		 * A spot-check of the county's case, assigned to its service centre: {id} is it.
		 */
		SPOT_CHECK,
		/** Nothing in particular. */
		NONE

	}

	enum Kind {

		/**
		 * Shows the subject: to whoever may see it, named; to others refused, not named.
		 */
		SHOW,
		/** Lists or searches: whoever may see the subject finds it; others don't. */
		FIND,
		/** Lists: what a member may not see never appears. */
		LIST,
		/**
		 * Changes the subject: refused to whoever may not see it, and it stays as it was.
		 */
		CHANGE,
		/**
		 * Files a case for an enterprise: nobody files one for an enterprise he may not
		 * see.
		 */
		FILE,
		/**
		 * Adds a record under the subject (a unit or an enterprise in a region, a person
		 * in a unit) or imports rows about it: whoever may not touch the subject changes
		 * nothing of it, whether the answer is a refusal, a reason (400) or an import
		 * report that refuses every row.
		 */
		ADD,
		/** Shows a subject every member may read (a unit, to pick a handling unit). */
		OPEN,
		/**
		 * Shows nothing of any case, enterprise or unit. GETs are still called and
		 * checked.
		 */
		NEUTRAL

	}

	/** What a member must get of a subject: all of it, nothing of it, or either. */
	enum Sight {

		SEES, BLIND, UNCHECKED

	}

	/** Fills in the body of a request for one county's things. */
	@FunctionalInterface
	interface Body {

		void write(AbstractMockHttpServletRequestBuilder<?> request, Things t) throws Exception;

	}

	static final Body NO_BODY = (request, t) -> {
	};

	/** One way of calling an endpoint, with what to expect. */
	record Call(Kind kind, Subject subject, String query, Body body, boolean naming) {

		/** The answer is about the subject but holds nothing that names it. */
		Call namingNothing() {
			return new Call(this.kind, this.subject, this.query, this.body, false);
		}

	}

	/** A row of the table: an endpoint and the calls that probe it. */
	record Rule(String endpoint, List<Call> calls) {

		String method() {
			return this.endpoint.split(" ")[0];
		}

		String pattern() {
			return this.endpoint.split(" ")[1];
		}

		boolean multipart() {
			return this.endpoint.endsWith(" multipart");
		}

		boolean api() {
			return pattern().startsWith("/api/");
		}

	}

	static Rule rule(String endpoint, Call... calls) {
		return new Rule(endpoint, List.of(calls));
	}

	static Call show(Subject subject) {
		return new Call(SHOW, subject, "", NO_BODY, true);
	}

	static Call find(Subject subject, String query) {
		return new Call(FIND, subject, query, NO_BODY, true);
	}

	static Call list(String query) {
		return new Call(LIST, NONE, query, NO_BODY, false);
	}

	static Call change(Subject subject, Body body) {
		return new Call(CHANGE, subject, "", body, false);
	}

	static Call change(Subject subject, String query, Body body) {
		return new Call(CHANGE, subject, query, body, false);
	}

	static Call show(Subject subject, String query) {
		return new Call(SHOW, subject, query, NO_BODY, true);
	}

	static Call file(Body body) {
		return new Call(FILE, ENTERPRISE, "", body, false);
	}

	static Call add(Subject subject, Body body) {
		return new Call(ADD, subject, "", body, false);
	}

	static Call open(Subject subject) {
		return new Call(OPEN, subject, "", NO_BODY, false);
	}

	static Call open(Subject subject, String query) {
		return new Call(OPEN, subject, query, NO_BODY, false);
	}

	static Call neutral() {
		return new Call(NEUTRAL, NONE, "", NO_BODY, false);
	}

	/**
	 * Neutral, with {id} filled by a subject's id that means nothing to the endpoint (an
	 * assessment result's id is no case's): only what the answer names is checked.
	 */
	static Call neutralAbout(Subject subject) {
		return new Call(NEUTRAL, subject, "", NO_BODY, false);
	}

	/**
	 * A county's things: a case in "extension requested" with a public and an internal
	 * document, its enterprise and lead unit, and an API token of its dispatcher.
	 */
	record Things(String county, long caseId, String number, String title, String note, String file, String secret,
			long attachmentId, String internalNote, String internalFile, String internalSecret,
			long internalAttachmentId, long enterpriseId, String enterpriseName, String creditCode, long unitId,
			String regionCode, Member tokenOwner, long tokenId, String tokenName, String holiday, long noticeId,
			String noticeSubject, long robotId, String robotName, long deadLetterId, String deadSubject,
			long registrationId, String registrant, long colleagueId, String colleague, long linkId, String project,
			Member linkHolder, long groupId, String groupName, long visitId, long photoId, long centreId,
			long campaignId, String campaignTitle, long invitationId, long spotCheckId, String spotTitle) {

		/** The words that give the subject away when an answer holds them. */
		List<String> markers(Subject subject) {
			return switch (subject) {
				case CASE -> List.of(this.number, this.title, this.note, this.file, this.secret);
				case INTERNAL -> List.of(this.internalNote, this.internalFile, this.internalSecret);
				case ENTERPRISE -> List.of(this.enterpriseName, this.creditCode);
				case TOKEN -> List.of(this.tokenName);
				case CALENDAR -> List.of(this.holiday);
				// Words only the administration shows: a region's path, a person's
				// username in the people API and on the people page. Units are public.
				case REGION -> List.of("\"path\":\"/330400/" + this.regionCode + "/\"");
				case PERSON -> List.of("\"username\":\"" + this.tokenOwner.username() + "\"",
						"<td class=\"number\">" + this.tokenOwner.username() + "</td>");
				case NOTICE -> List.of(this.noticeSubject);
				case ROBOT -> List.of(this.robotName);
				case DEAD_LETTER -> List.of(this.deadSubject);
				case REGISTRATION -> List.of(this.registrant);
				case CONTACT -> List.of(this.colleague);
				case LINK -> List.of(this.project);
				case GROUP -> List.of(this.groupName);
				case CAMPAIGN, INVITATION -> List.of(this.campaignTitle);
				case SPOT_CHECK -> List.of(this.spotTitle);
				case UNIT, NATIONAL, CATEGORY, PROFILE, NONE -> List.of();
			};
		}

	}

	/** The values of the placeholders; {id} is the subject's, taken from idsOf. */
	private Map<String, String> values(Subject subject, Things t, Things idsOf, String action) {
		Map<String, String> values = new HashMap<>();
		switch (subject) {
			case CASE, INTERNAL -> values.put("id", Long.toString(idsOf.caseId()));
			case ENTERPRISE, PROFILE -> values.put("id", Long.toString(idsOf.enterpriseId()));
			case TOKEN -> values.put("id", Long.toString(idsOf.tokenId()));
			case UNIT -> values.put("id", Long.toString(idsOf.unitId()));
			case PERSON -> values.put("id", Long.toString(idsOf.tokenOwner().actor().personId()));
			case NOTICE -> values.put("id", Long.toString(idsOf.noticeId()));
			case ROBOT -> values.put("id", Long.toString(idsOf.robotId()));
			case DEAD_LETTER -> values.put("id", Long.toString(idsOf.deadLetterId()));
			case CATEGORY -> values.put("id", Long.toString(this.world.category().id()));
			case REGISTRATION -> values.put("id", Long.toString(idsOf.registrationId()));
			case CONTACT -> values.put("id", Long.toString(idsOf.colleagueId()));
			case LINK -> values.put("id", Long.toString(idsOf.linkId()));
			case GROUP -> values.put("id", Long.toString(idsOf.groupId()));
			case CAMPAIGN -> values.put("id", Long.toString(idsOf.campaignId()));
			case INVITATION -> values.put("id", Long.toString(idsOf.invitationId()));
			case SPOT_CHECK -> values.put("id", Long.toString(idsOf.spotCheckId()));
			case REGION, CALENDAR, NATIONAL, NONE -> {
			}
		}
		values.put("attachmentId", Long.toString(subject == INTERNAL ? t.internalAttachmentId() : t.attachmentId()));
		values.put("seq", text("select min(event_seq) from case_document where case_id = :id", t.caseId()));
		if (action != null) {
			values.put("action", action);
		}
		values.put("code", t.regionCode());
		values.put("caseId", Long.toString(t.caseId()));
		values.put("categoryId", Long.toString(this.world.category().id()));
		values.put("dimension", "unit");
		values.put("month", "2021-09");
		values.put("version", "1");
		values.put("number", t.number());
		values.put("title", t.title());
		values.put("state", "EXTENSION_REQUESTED");
		values.put("enterprise", t.enterpriseName());
		values.put("enterpriseId", Long.toString(t.enterpriseId()));
		values.put("creditCode", t.creditCode());
		values.put("unitCode", text("select code from unit where id = :id", t.unitId()));
		values.put("username", t.tokenOwner().username());
		values.put("newCode", AdminFixtures.unique("X-"));
		values.put("newUsername", AdminFixtures.unique("x."));
		values.put("newCreditCode", AdminFixtures.creditCode());
		values.put("groupId", Long.toString(t.groupId()));
		values.put("visitId", Long.toString(idsOf.visitId()));
		values.put("photoId", Long.toString(t.photoId()));
		values.put("year", Integer.toString(HOLIDAY.getYear()));
		values.put("date", HOLIDAY.toString());
		values.put("change", "disable");
		// The discipline rows are neutral here (DisciplineAccessIntegrationTests): an id
		// nobody has.
		values.putIfAbsent("id", "0");
		// So are the campaign's (CampaignAccessIntegrationTests).
		values.putIfAbsent("unitId", "0");
		values.putIfAbsent("actionId", "0");
		values.putIfAbsent("decisionId", "0");
		values.put("evidenceId", "0");
		return values;
	}

	private static final Set<String> FRAMEWORK = Set.of("/error", "/v3/api-docs", "/swagger-ui");

	private static final String[] STEPS = Arrays.stream(CaseAction.values())
		.map(CaseAction::slug)
		.toArray(String[]::new);

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private Things a;

	private Things b;

	private Member adminA;

	private Member adminB;

	private final Map<String, MockHttpSession> sessions = new HashMap<>();

	@BeforeAll
	void walkACaseInEachCounty() throws Exception {
		this.a = walk("A", this.world.enterpriseA(), this.world.dispatcherA(), this.world.handlerA(),
				this.world.deptA(), this.world.firmA(), "330421");
		this.b = walk("B", this.world.enterpriseB(), this.world.dispatcherB(), this.world.handlerB(),
				this.world.deptB(), this.world.firmB(), "330481");
		AdminFixtures admins = new AdminFixtures(this.regions, this.units, this.people, this.tokens);
		this.adminA = admins.adminOf(AdminFixtures.JIASHAN);
		this.adminB = admins.adminOf(AdminFixtures.HAINING);
	}

	@Test
	void everyEndpointHasARow() {
		Set<String> endpoints = new TreeSet<>();
		Set<String> unknownFramework = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String endpoint : endpoints(info)) {
				if (isOurs(handler)) {
					endpoints.add(endpoint);
				}
				else if (FRAMEWORK.stream().noneMatch(endpoint.split(" ")[1]::startsWith)) {
					unknownFramework.add(endpoint + " (" + handler.getBeanType().getName() + ")");
				}
			}
		});
		Set<String> rows = rules().stream().map(Rule::endpoint).collect(Collectors.toCollection(TreeSet::new));
		Set<String> missing = new TreeSet<>(endpoints);
		missing.removeAll(rows);
		Set<String> stale = new TreeSet<>(rows);
		stale.removeAll(endpoints);
		assertThat(missing)
			.as("endpoints without a row in AccessMatrixIntegrationTests.rules(): say how to call them"
					+ " and who may see what they show")
			.isEmpty();
		assertThat(stale).as("rows in AccessMatrixIntegrationTests.rules() without an endpoint").isEmpty();
		assertThat(unknownFramework).as("endpoints of libraries that nobody has looked at").isEmpty();
	}

	@Test
	void everyMemberSeesAndTouchesExactlyWhatIsHis() throws Exception {
		List<String> problems = new ArrayList<>();
		for (Member who : casesSeen().keySet()) {
			for (Things t : List.of(this.a, this.b)) {
				for (Rule rule : rules()) {
					for (Call call : rule.calls()) {
						probe(who, t, rule, call, problems);
					}
				}
			}
		}
		assertThat(problems).withFailMessage("%d problems of access:%n%s", problems.size(), String.join("\n", problems))
			.isEmpty();
	}

	@Test
	void queuesShowTheCaseToThoseWhoMustActOnItNow() throws Exception {
		// In "extension requested" the dispatcher decides and the lead unit may still
		// reply.
		List<String> problems = new ArrayList<>();
		for (Things t : List.of(this.a, this.b)) {
			Member dispatcher = t == this.a ? this.world.dispatcherA() : this.world.dispatcherB();
			Member handler = t == this.a ? this.world.handlerA() : this.world.handlerB();
			for (Member who : List.of(dispatcher, handler)) {
				// Newest first: the other test classes' cases (and the demonstration's)
				// share
				// the county and may be more urgent.
				for (String path : List.of("/api/v1/queue?size=100&sort=newest", "/queue?size=100&sort=newest")) {
					MvcResult result = perform(who, MockMvcRequestBuilders.get(path), path.startsWith("/api/"));
					if (!body(result).contains(t.number())) {
						problems.add(line(who, result, "does not list " + t.number()));
					}
				}
			}
		}
		assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
	}

	private void probe(Member who, Things t, Rule rule, Call call, List<String> problems) throws Exception {
		Sight sight = sight(who, call.subject(), t);
		switch (call.kind()) {
			case NEUTRAL -> {
				if (rule.method().equals("GET")) {
					expect(who, send(who, rule, call, t, t, null), problems);
				}
			}
			case LIST -> expect(who, send(who, rule, call, t, t, null), problems);
			case FIND -> {
				MvcResult result = send(who, rule, call, t, t, null);
				expect(who, result, problems, sight == SEES && !names(result, call.subject(), t)
						? "does not show " + call.subject() + " " + t.county() + " he may see" : null);
			}
			case SHOW -> {
				MvcResult result = send(who, rule, call, t, t, null);
				String problem = null;
				if (sight == SEES
						&& (status(result) / 100 != 2 || call.naming() && !names(result, call.subject(), t))) {
					problem = "does not show " + call.subject() + " " + t.county() + " he may see";
				}
				else if (sight == BLIND && !refused(result, !rule.api())) {
					problem = "shows " + call.subject() + " " + t.county() + " he may not see";
				}
				expect(who, result, problems, problem);
				if (rule.pattern().indexOf('{') != rule.pattern().lastIndexOf('{')) {
					// The other ids of the subject, through the case of the other county.
					MvcResult mixed = send(who, rule, call, t, other(t), null);
					expect(who, mixed, problems, refused(mixed, !rule.api()) ? null : "mixes two cases");
				}
			}
			case CHANGE -> {
				if (sight == BLIND) {
					for (String action : rule.pattern().contains("{action}") ? STEPS : new String[] { null }) {
						String before = fingerprint(call.subject(), t);
						MvcResult result = send(who, rule, call, t, t, action);
						expect(who, result, problems, refused(result, false) ? null : "is not refused",
								before.equals(fingerprint(call.subject(), t)) ? null
										: "changed " + call.subject() + " " + t.county());
					}
				}
			}
			case ADD -> {
				if (sight == BLIND) {
					String before = fingerprint(call.subject(), t);
					MvcResult result = send(who, rule, call, t, t, null);
					expect(who, result, problems, before.equals(fingerprint(call.subject(), t)) ? null
							: "changed " + call.subject() + " " + t.county());
				}
			}
			case OPEN -> {
				MvcResult result = send(who, rule, call, t, t, null);
				expect(who, result, problems,
						status(result) / 100 == 2 ? null : "does not show " + call.subject() + " " + t.county());
			}
			case FILE -> {
				if (sight == BLIND) {
					long before = casesOf(t.enterpriseId());
					MvcResult result = send(who, rule, call, t, t, null);
					expect(who, result, problems, casesOf(t.enterpriseId()) == before ? null
							: "filed a case for " + t.enterpriseName() + " he may not see");
				}
			}
		}
	}

	/**
	 * Records a problem of the answer, and any word of what the member may not see in it.
	 */
	private void expect(Member who, MvcResult result, List<String> problems, String... found) throws Exception {
		List<String> all = new ArrayList<>(Arrays.stream(found).filter(p -> p != null).toList());
		String body = withoutEcho(result);
		List<String> named = hiddenFrom(who).stream().filter(body::contains).toList();
		if (!named.isEmpty()) {
			all.add("names " + String.join(", ", named));
		}
		if (!all.isEmpty()) {
			problems.add(line(who, result, String.join("; ", all)));
		}
	}

	/** The markers of everything the member must not see. */
	private List<String> hiddenFrom(Member who) {
		List<String> hidden = new ArrayList<>();
		for (Things t : List.of(this.a, this.b)) {
			for (Subject subject : Subject.values()) {
				if (sight(who, subject, t) == BLIND) {
					hidden.addAll(t.markers(subject));
				}
			}
		}
		return hidden;
	}

	private boolean names(MvcResult result, Subject subject, Things t) throws Exception {
		String body = withoutEcho(result);
		return t.markers(subject).stream().anyMatch(body::contains);
	}

	/**
	 * The answer without what the member typed himself: a search page shows his words
	 * back in its search field ({@code value="..."}), which names nothing he was not
	 * told.
	 */
	private static String withoutEcho(MvcResult result) throws Exception {
		String body = body(result);
		for (String[] values : result.getRequest().getParameterMap().values()) {
			for (String value : values) {
				body = body.replace("=\"" + HtmlUtils.htmlEscape(value) + "\"", "=\"\"");
			}
		}
		return body;
	}

	/**
	 * Refused: 403 or 404; a page may also send the browser elsewhere, but not to the
	 * login form, which would mean the test lost its session.
	 */
	private static boolean refused(MvcResult result, boolean mayRedirect) {
		int status = status(result);
		String to = result.getResponse().getRedirectedUrl();
		return status == 403 || status == 404
				|| mayRedirect && status / 100 == 3 && to != null && !to.contains("/login");
	}

	private MvcResult send(Member who, Rule rule, Call call, Things t, Things idsOf, String action) throws Exception {
		Map<String, String> values = values(call.subject(), t, idsOf, action);
		String path = fill(rule.pattern(), values);
		HttpMethod method = HttpMethod.valueOf(rule.method().equals("ANY") ? "GET" : rule.method());
		AbstractMockHttpServletRequestBuilder<?> request = rule.multipart()
				? MockMvcRequestBuilders.multipart(method, path) : MockMvcRequestBuilders.request(method, path);
		for (String pair : call.query().split("&")) {
			if (!pair.isEmpty()) {
				String[] nameValue = pair.split("=", 2);
				request.queryParam(nameValue[0], fill(nameValue[1], values));
			}
		}
		call.body().write(request, t);
		return perform(who, request, rule.api());
	}

	private MvcResult perform(Member who, AbstractMockHttpServletRequestBuilder<?> request, boolean api)
			throws Exception {
		if (api) {
			request.header(HttpHeaders.AUTHORIZATION, who.bearer());
		}
		else {
			request.session(session(who)).with(csrf());
		}
		return this.mvc.perform(request).andReturn();
	}

	/** A member's browser session, by a real login with the form. */
	private MockHttpSession session(Member who) throws Exception {
		MockHttpSession session = this.sessions.get(who.username());
		if (session == null) {
			session = this.api.login(who);
			this.sessions.put(who.username(), session);
		}
		return session;
	}

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private static String fill(String template, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException(
						"no value for " + matcher.group() + " in " + template + ": say in values() what it is");
			}
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		return matcher.appendTail(filled).toString();
	}

	// The bodies of the calls that change or file something: complete, so that nothing
	// but the scope refuses them.

	private void stepJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.IF_MATCH, etag(t)).content(step(t));
	}

	private void stepParts(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		((AbstractMockMultipartHttpServletRequestBuilder<?>) request).file(json("step", step(t)))
			.file(pdf("越权材料.pdf", "越权"))
			.header(HttpHeaders.IF_MATCH, etag(t));
	}

	private void stepForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", Integer.toString(version(t)))
			.param("note", "越权操作")
			.param("leadUnitId", Long.toString(t.unitId()))
			.param("dueDate", today().plusDays(3).toString())
			.param("outcome", "SOLVED")
			.param("answer", "越权答复")
			.param("rating", "VERY_SATISFIED");
	}

	private static String step(Things t) {
		return """
				{"note": "越权操作", "leadUnitId": %d, "dueDate": "%s", "outcome": "SOLVED", "answer": "越权答复",
				 "rating": "VERY_SATISFIED"}""".formatted(t.unitId(), today().plusDays(3));
	}

	private static final String UNITS = "code,name,kind,region_code";

	private static final String PEOPLE = "username,display_name,unit_code,roles,password";

	private static final String ENTERPRISES = "credit_code,name,region_code";

	private static final String CALENDAR_DAYS = "date,kind,name";

	/**
	 * The day of each county's local holiday: in a year no time limit of the other tests
	 * reaches.
	 */
	private static final LocalDate HOLIDAY = LocalDate.of(2099, 3, 2);

	private void calendarDay(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOLIDAY\", \"name\": \"越权\"}");
	}

	private void calendarDayForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("kind", "HOLIDAY").param("name", "越权");
	}

	private void categoryGuide(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, "\"" + categoryVersion() + "\"")
			.content("""
					{"needs": "越权", "documents": ["越权"], "acceptHours": 1, "resolveDays": 60}""");
	}

	private void categoryGuideForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", categoryVersion())
			.param("needs", "越权")
			.param("documents", "越权")
			.param("acceptHours", "1")
			.param("contactHours", "1")
			.param("stageReplyDays", "1")
			.param("resolveDays", "60");
	}

	private String categoryVersion() {
		return text("select version from case_category where id = :id", this.world.category().id());
	}

	private static final String STALE = "\"999999\"";

	private void staleUnit(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.header(HttpHeaders.IF_MATCH, STALE);
	}

	private void stalePerson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.header(HttpHeaders.IF_MATCH, STALE);
	}

	private void staleCategory(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.header(HttpHeaders.IF_MATCH, STALE)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"越权\"}");
	}

	private void staleVersionForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", "999999");
	}

	private void stalePersonForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", "999999")
			.param("displayName", "越权")
			.param("unitId", Long.toString(t.unitId()))
			.param("roles", "ADMIN");
	}

	private void staleUnitForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", "999999")
			.param("name", "越权")
			.param("kind", "OFFICE")
			.param("regionCode", t.regionCode());
	}

	private void newPersonForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("username", AdminFixtures.unique("x."))
			.param("displayName", "越权")
			.param("unitId", Long.toString(t.unitId()))
			.param("roles", "ADMIN");
	}

	private void newUnitForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("code", AdminFixtures.unique("X-"))
			.param("name", "越权")
			.param("kind", "OFFICE")
			.param("regionCode", t.regionCode());
	}

	/** A parent that does not exist: refused to everyone, so no category is added. */
	private void newCategory(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"越权\", \"parentId\": 999999999}");
	}

	private void newCategoryForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("name", "越权").param("parentId", "999999999");
	}

	private void staleCategoryForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", "999999").param("name", "越权");
	}

	private void noLeadUnit(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("{\"unitId\": null}");
	}

	private void noLeadUnitForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("regionCode", t.regionCode());
	}

	private void renameRegion(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"越权\", \"level\": \"COUNTY\"}");
	}

	private void newUnit(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"code": "%s", "name": "越权", "kind": "OFFICE", "regionCode": "%s"}"""
				.formatted(AdminFixtures.unique("X-"), t.regionCode()));
	}

	private void changeUnit(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, "\"" + text("select version from unit where id = :id", t.unitId()) + "\"")
			.content("""
					{"name": "越权", "kind": "OFFICE", "regionCode": "%s"}""".formatted(t.regionCode()));
	}

	private void servedRegions(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("""
				{"regionCodes": ["%s"]}""".formatted(t.regionCode()));
	}

	private void servedRegionsForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("regionCodes", t.regionCode());
	}

	private void newPerson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"username": "%s", "displayName": "越权", "password": "password-1", "unitId": %d, "roles": ["ADMIN"]}"""
						.formatted(AdminFixtures.unique("x."), t.unitId()));
	}

	private void changePerson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		long id = t.tokenOwner().actor().personId();
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, "\"" + text("select version from person where id = :id", id) + "\"")
			.content("""
					{"displayName": "越权", "password": "password-1", "unitId": %d, "roles": ["ADMIN"]}"""
				.formatted(t.unitId()));
	}

	private void newEnterprise(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"creditCode": "%s", "name": "越权", "regionCode": "%s"}""".formatted(AdminFixtures.creditCode(),
					t.regionCode()));
	}

	private void changeEnterprise(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH,
					"\"" + text("select version from enterprise where id = :id", t.enterpriseId()) + "\"")
			.content("""
					{"name": "越权", "regionCode": "%s"}""".formatted(t.regionCode()));
	}

	/** A CSV upload of a header and one row, its placeholders filled for the county. */
	private Body csv(String header, String row) {
		return (request,
				t) -> ((AbstractMockMultipartHttpServletRequestBuilder<?>) request).file(new MockMultipartFile("file",
						"rows.csv", "text/csv",
						(header + "\n" + fill(row, values(NONE, t, t, null)) + "\n").getBytes(StandardCharsets.UTF_8)));
	}

	private String text(String sql, Object id) {
		return this.jdbc.sql(sql).param("id", id).query(String.class).single();
	}

	private void invitationJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("{\"scores\": {\"1\": 5}}");
	}

	private void campaignJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, STALE)
			.content("{\"title\": \"改名\", \"from\": \"2001-01-01\", \"to\": \"2001-03-31\", \"scale\": \"FIVE\","
					+ " \"questions\": [\"办事效率\"]}");
	}

	private void campaignForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", "999999")
			.param("title", "改名")
			.param("from", "2001-01-01")
			.param("to", "2001-03-31")
			.param("scale", "FIVE")
			.param("questions", "办事效率");
	}

	private void closeJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"提前结束\"}");
	}

	private void closeForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("reason", "提前结束");
	}

	private void invitationForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("q1", "5");
	}

	private void spotCheckJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("""
				{"rating": "SATISFIED", "solved": true, "respondent": "王经理", "method": "PHONE"}""");
	}

	private void spotCheckForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("rating", "SATISFIED")
			.param("solved", "true")
			.param("respondent", "王经理")
			.param("method", "PHONE");
	}

	private void fileJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content(newCase(t));
	}

	private void fileParts(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		((AbstractMockMultipartHttpServletRequestBuilder<?>) request).file(json("case", newCase(t)))
			.file(pdf("越权材料.pdf", "越权"));
	}

	private void fileForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("enterpriseId", Long.toString(t.enterpriseId()))
			.param("categoryId", Long.toString(this.world.category().id()))
			.param("title", "越权提交")
			.param("description", "为他人企业提交");
	}

	private void decisionForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", text("select version from registration where id = :id", t.registrationId()))
			.param("reason", "越权");
	}

	private void decisionJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH,
					"\"" + text("select version from registration where id = :id", t.registrationId()) + "\"")
			.content("{\"reason\": \"越权\"}");
	}

	private void contactForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		String username = AdminFixtures.unique("x.");
		request.param("displayName", "越权")
			.param("email", username + "@example.cn")
			.param("username", username)
			.param("password", "password-1");
	}

	private void contactJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		String username = AdminFixtures.unique("x.");
		request.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName": "越权", "email": "%s@example.cn", "username": "%s", "password": "password-1"}"""
				.formatted(username, username));
	}

	private void helpVisitForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("topic", "越权上门").param("place", "越权").param("firstDate", today().plusDays(3).toString());
	}

	private void helpVisitJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("""
				{"topic": "越权上门", "place": "越权", "firstDate": "%s"}""".formatted(today().plusDays(3)));
	}

	private void visitJson(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content(newVisit(t));
	}

	private void visitParts(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		((AbstractMockMultipartHttpServletRequestBuilder<?>) request).file(json("visit", newVisit(t)));
	}

	private void visitBatchParts(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		((AbstractMockMultipartHttpServletRequestBuilder<?>) request)
			.file(json("visits", "[" + newVisit(t) + ", " + newVisit(t) + "]"));
	}

	private String newVisit(Things t) {
		return """
				{"clientKey": "%s", "enterpriseId": %d, "visitedOn": "%s",
				 "difficulties": [{"categoryId": %d, "title": "越权提交", "description": "为他人企业提交"}]}"""
			.formatted(UUID.randomUUID(), t.enterpriseId(), LocalDate.now(CHINA), this.world.category().id());
	}

	private String newCase(Things t) {
		return """
				{"categoryId": %d, "enterpriseId": %d, "title": "越权提交", "description": "为他人企业提交"}"""
			.formatted(this.world.category().id(), t.enterpriseId());
	}

	/**
	 * Files a case for the enterprise with a document, has the dispatcher accept and
	 * assign it to the unit, and the unit take it up on the case page and ask for more
	 * time with an internal document.
	 */
	private Things walk(String county, Member contact, Member dispatcher, Member handler, Unit unit, Enterprise firm,
			String regionCode) throws Exception {
		String tag = county + "-" + UUID.randomUUID().toString().substring(0, 8);
		String title = "专属诉求 " + tag;
		String file = "申请材料-" + tag + ".pdf";
		String secret = "附件正文 " + tag;
		String note = "已电话联系 " + tag;
		String internalNote = "内部延期理由 " + tag;
		String internalFile = "内部说明-" + tag + ".pdf";
		String internalSecret = "内部附件正文 " + tag;
		Api api = new Api(this.mvc);

		MvcResult filed = perform(contact,
				MockMvcRequestBuilders.multipart("/api/v1/cases")
					.file(json("case",
							"""
									{"categoryId": %d, "title": "%s", "description": "仅本县可见"}"""
								.formatted(this.world.category().id(), title)))
					.file(pdf(file, secret)),
				true);
		assertThat(status(filed)).as(body(filed)).isEqualTo(201);
		long id = ((Number) Api.read(filed, "$.id")).longValue();
		assertThat(status(api.step(dispatcher, id, 0, "accept", "{}"))).isEqualTo(200);
		MvcResult assigned = api.step(dispatcher, id, 1, "assign",
				"{\"leadUnitId\": %d, \"dueDate\": \"%s\"}".formatted(unit.getId(), today().plusDays(5)));
		assertThat(status(assigned)).as(body(assigned)).isEqualTo(200);

		MvcResult contacted = perform(handler,
				MockMvcRequestBuilders.post("/cases/" + id + "/steps/contact")
					.param("version", "2")
					.param("note", note),
				false);
		assertThat(contacted.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id);
		assertThat(state(id)).as("the contact step on the page").isEqualTo("IN_PROGRESS");

		MvcResult extension = perform(handler, MockMvcRequestBuilders
			.multipart("/api/v1/cases/" + id + "/request-extension")
			.file(json("step", "{\"note\": \"%s\", \"dueDate\": \"%s\"}".formatted(internalNote, today().plusDays(10))))
			.file(pdf(internalFile, internalSecret))
			.header(HttpHeaders.IF_MATCH, "\"3\""), true);
		assertThat(status(extension)).as(body(extension)).isEqualTo(200);
		assertThat(state(id)).isEqualTo("EXTENSION_REQUESTED");
		// A supervision document of a step (as a supervisor's urging would issue it), for
		// the documents' endpoints; the case stays as it is. Of another step in each
		// county,
		// so that one county's step of the other's case is refused.
		String caseNumber = (String) Api.read(filed, "$.number");
		int documentSeq = county.equals("A") ? 5 : 4;
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events
			.publishEvent(new CaseSupervised(id, caseNumber, documentSeq, CaseAction.URGE, dispatcher.actor().unitId(),
					unit.getId(), regionCode, CaseState.EXTENSION_REQUESTED, null, java.time.Instant.now())));

		List<Long> attachments = this.jdbc.sql("select id from attachment where case_id = :id order by id")
			.param("id", id)
			.query(Long.class)
			.list();
		Notice notice = notify(dispatcher, tag);
		Robot robot = robotOf(unit, tag);
		String tokenName = "接口令牌 " + tag;
		this.tokens.issue(dispatcher.actor().personId(), tokenName);
		long tokenId = this.jdbc.sql("select id from api_token where name = :name")
			.param("name", tokenName)
			.query(Long.class)
			.single();
		String holiday = "地方假日 " + tag;
		this.jdbc
			.sql("insert into calendar_day (region_code, on_date, kind, name) values (:region, :day, 'HOLIDAY', :name)")
			.param("region", regionCode)
			.param("day", HOLIDAY)
			.param("name", holiday)
			.update();
		// A registration waiting for the county's centre, and a second contact the first
		// one (the manager) added.
		String registrant = "reg." + tag.toLowerCase();
		MvcResult registered = this.mvc.perform(
				MockMvcRequestBuilders.post("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON).content("""
						{"creditCode": "%s", "displayName": "待审 %s", "email": "%s@example.cn", "username": "%s",
						 "password": "password-1"}""".formatted(firm.getCreditCode(), tag, registrant, registrant)))
			.andReturn();
		assertThat(status(registered)).as(body(registered)).isEqualTo(201);
		String colleague = "col." + tag.toLowerCase();
		MvcResult added = api.post(contact, "/api/v1/contacts", """
				{"displayName": "同事 %s", "email": "%s@example.cn", "username": "%s", "password": "password-1"}"""
			.formatted(tag, colleague, colleague));
		assertThat(status(added)).as(body(added)).isEqualTo(201);
		Member linkHolder = county.equals("A") ? this.world.visitorA() : this.world.handlerB();
		Member groupLeader = county.equals("A") ? this.world.leaderA() : dispatcher;
		String project = "专属项目 " + tag;
		String groupName = "专属专班 " + tag;
		long linkId = linkOf(linkHolder, dispatcher, regionCode, project);
		long groupId = groupOf(groupLeader, firm, regionCode, groupName);
		long visitId = visitOf(linkHolder, firm, regionCode);
		Evaluation evaluation = evaluationOf(county, tag, id, unit, firm, dispatcher, regionCode);
		return new Things(county, id, (String) Api.read(filed, "$.number"), title, note, file, secret,
				attachments.get(0), internalNote, internalFile, internalSecret, attachments.get(1), firm.getId(),
				firm.getName(), firm.getCreditCode(), unit.getId(), regionCode, dispatcher, tokenId, tokenName, holiday,
				notice.id(), notice.subject(), robot.id(), robot.name(), robot.deadLetterId(), robot.deadSubject(),
				((Number) Api.read(registered, "$.id")).longValue(), registrant,
				((Number) Api.read(added, "$.id")).longValue(), colleague, linkId, project, linkHolder, groupId,
				groupName, visitId, photoOf(visitId), evaluation.centre(), evaluation.campaignId(),
				evaluation.campaignTitle(), evaluation.invitationId(), evaluation.spotCheckId(),
				evaluation.spotTitle());
	}

	/** The county's evaluation: a campaign with an invitation, and a spot-check. */
	private record Evaluation(long centre, long campaignId, String campaignTitle, long invitationId, long spotCheckId,
			String spotTitle) {
	}

	/**
	 * A campaign of the county over a quarter long past, inviting its enterprise to rate
	 * its lead unit, and a spot-check of its case assigned to its service centre, written
	 * as the evaluation module writes them.
	 */
	private Evaluation evaluationOf(String county, String tag, long caseId, Unit unit, Enterprise firm,
			Member dispatcher, String regionCode) {
		long centre = (county.equals("A") ? this.world.centreA() : this.world.centreB()).getId();
		String campaignTitle = "专属评议 " + tag;
		Timestamp now = new Timestamp(System.currentTimeMillis());
		this.jdbc.sql("""
				insert into eval_campaign (title, period_from, period_to, closes_on, scale, region_path, created_by,
				                           created_at)
				values (:title, :from, :to, :closes, 'FIVE', :path, :by, :at)""")
			.param("title", campaignTitle)
			.param("from", LocalDate.of(2001, 1, 1))
			.param("to", LocalDate.of(2001, 3, 31))
			.param("closes", today().plusDays(30))
			.param("path", "/330400/" + regionCode + "/")
			.param("by", dispatcher.actor().personId())
			.param("at", now)
			.update();
		long campaignId = this.jdbc.sql("select id from eval_campaign where title = :title")
			.param("title", campaignTitle)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into eval_question (campaign_id, position, text) values (:c, 1, '办事效率')")
			.param("c", campaignId)
			.update();
		this.jdbc.sql("insert into eval_invitation (campaign_id, unit_id, enterprise_id) values (:c, :u, :e)")
			.param("c", campaignId)
			.param("u", unit.getId())
			.param("e", firm.getId())
			.update();
		long invitationId = this.jdbc.sql("select id from eval_invitation where campaign_id = :c")
			.param("c", campaignId)
			.query(Long.class)
			.single();
		String seed = "matrix:" + tag;
		this.jdbc.sql("""
				insert into eval_draw (region_path, period_from, period_to, share_permille, seed, population, drawn_by,
				                       drawn_at)
				values (:path, :from, :to, 100, :seed, 1, :by, :at)""")
			.param("path", "/330400/" + regionCode + "/")
			.param("from", LocalDate.of(2001, 1, 1))
			.param("to", LocalDate.of(2001, 3, 31))
			.param("seed", seed)
			.param("by", dispatcher.actor().personId())
			.param("at", now)
			.update();
		long drawId = this.jdbc.sql("select id from eval_draw where seed = :seed")
			.param("seed", seed)
			.query(Long.class)
			.single();
		String spotTitle = "专属抽查 " + tag;
		this.jdbc.sql("""
				insert into eval_spot_check (draw_id, case_id, case_number, case_title, enterprise_id, lead_unit_id,
				       centre_unit_id, region_code, region_path, closed_at)
				select :draw, c.id, c.number, :title, c.enterprise_id, :lead, :centre, c.region_code, c.region_path, :at
				from cases c where c.id = :case""")
			.param("draw", drawId)
			.param("title", spotTitle)
			.param("lead", unit.getId())
			.param("centre", centre)
			.param("at", now)
			.param("case", caseId)
			.update();
		long spotCheckId = this.jdbc.sql("select id from eval_spot_check where draw_id = :d")
			.param("d", drawId)
			.query(Long.class)
			.single();
		return new Evaluation(centre, campaignId, campaignTitle, invitationId, spotCheckId, spotTitle);
	}

	/** A visit of the holder to the county's enterprise. */
	private long visitOf(Member visitor, Enterprise firm, String regionCode) {
		String key = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into visit (client_key, visitor_id, enterprise_id, region_path, visited_on, created_at)
				values (:key, :visitor, :enterprise, :path, :on, current_timestamp)""")
			.param("key", key)
			.param("visitor", visitor.actor().personId())
			.param("enterprise", firm.getId())
			.param("path", "/330400/" + regionCode + "/")
			.param("on", today())
			.update();
		return this.jdbc.sql("select id from visit where client_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	/** A photo of the visit. */
	private long photoOf(long visitId) {
		this.jdbc.sql("""
				insert into visit_photo (visit_id, filename, content_type, size_bytes, sha256, content)
				values (:visit, 'gate.png', 'image/png', 8, 'fffe', :content)""")
			.param("visit", visitId)
			.param("content", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })
			.update();
		return this.jdbc.sql("select id from visit_photo where visit_id = :visit")
			.param("visit", visitId)
			.query(Long.class)
			.single();
	}

	/** A link of the holder to a project of the county, made by its dispatcher. */
	private long linkOf(Member holder, Member dispatcher, String regionCode, String project) {
		this.jdbc.sql("""
				insert into link (person_id, target_kind, target_region_code, project_name, region_path, frequency,
				                  starts_on, created_by, created_at)
				values (:holder, 'PROJECT', :region, :project, :path, 'MONTHLY', :starts, :by, current_timestamp)""")
			.param("holder", holder.actor().personId())
			.param("region", regionCode)
			.param("project", project)
			.param("path", "/330400/" + regionCode + "/")
			.param("starts", today().withDayOfMonth(1))
			.param("by", dispatcher.actor().personId())
			.update();
		return this.jdbc.sql("select id from link where project_name = :project")
			.param("project", project)
			.query(Long.class)
			.single();
	}

	/**
	 * A working group of the county led by the leader, linked monthly to its enterprise.
	 */
	private long groupOf(Member leader, Enterprise firm, String regionCode, String name) {
		this.jdbc.sql("""
				insert into work_group (name, leader_id, region_code, region_path, created_at)
				values (:name, :leader, :region, :path, current_timestamp)""")
			.param("name", name)
			.param("leader", leader.actor().personId())
			.param("region", regionCode)
			.param("path", "/330400/" + regionCode + "/")
			.update();
		long id = this.jdbc.sql("select id from work_group where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into link (group_id, target_kind, enterprise_id, region_path, frequency, starts_on, created_by,
				                  created_at)
				select :group, 'ENTERPRISE', e.id, r.path, 'MONTHLY', :starts, :by, current_timestamp
				from enterprise e join region r on r.code = e.region_code where e.id = :firm""")
			.param("group", id)
			.param("starts", today().withDayOfMonth(1))
			.param("by", leader.actor().personId())
			.param("firm", firm.getId())
			.update();
		return id;
	}

	private String holderName(Things t) {
		return t.linkHolder().username();
	}

	private void newLink(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "%s", "targetKind": "PROJECT", "projectName": "越权项目", "regionCode": "%s",
				 "frequency": "MONTHLY", "startsOn": "%s"}""".formatted(holderName(t), t.regionCode(), today()));
	}

	private void changeLink(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, "\"" + text("select version from link where id = :id", t.linkId()) + "\"")
			.content("{\"frequency\": \"YEARLY\", \"startsOn\": \"" + today() + "\"}");
	}

	private void endLink(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, "\"" + text("select version from link where id = :id", t.linkId()) + "\"")
			.content("{\"endsOn\": \"" + today() + "\"}");
	}

	private void endLinkForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("version", text("select version from link where id = :id", t.linkId()))
			.param("endsOn", today().toString());
	}

	private void bulkLinks(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "frequency": "MONTHLY", "startsOn": "%s", "creditCodes": "%s"}"""
				.formatted(holderName(t), today(), t.creditCode()));
	}

	private void bulkForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("username", holderName(t))
			.param("frequency", "MONTHLY")
			.param("startsOn", today().toString())
			.param("creditCodes", t.creditCode());
	}

	private void linkForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("username", holderName(t))
			.param("targetKind", "PROJECT")
			.param("projectName", "越权项目")
			.param("regionCode", t.regionCode())
			.param("frequency", "MONTHLY")
			.param("startsOn", today().toString());
	}

	private void importLinks(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		((AbstractMockMultipartHttpServletRequestBuilder<?>) request)
			.file(new MockMultipartFile("file", "links.csv", "text/csv",
					("credit_code\n" + t.creditCode() + "\n").getBytes(StandardCharsets.UTF_8)))
			.param("username", holderName(t))
			.param("frequency", "MONTHLY")
			.param("startsOn", today().toString());
	}

	private void newGroup(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "越权专班", "leaderUsername": "%s", "regionCode": "%s"}""".formatted(holderName(t),
					t.regionCode()));
	}

	private void changeGroup(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH,
					"\"" + text("select version from work_group where id = :id", t.groupId()) + "\"")
			.content("""
					{"name": "越权专班", "leaderUsername": "%s", "regionCode": "%s"}""".formatted(holderName(t),
					t.regionCode()));
	}

	private void groupForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("name", "越权专班").param("leaderUsername", holderName(t)).param("regionCode", t.regionCode());
	}

	private record Notice(long id, String subject) {
	}

	private record Robot(long id, String name, long deadLetterId, String deadSubject) {
	}

	/** A notification of the dispatcher, as the case engine would have him told. */
	private Notice notify(Member dispatcher, String tag) {
		String subject = "专属通知 " + tag;
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events.publishEvent(
				new CaseNotice("matrix:" + tag, java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40),
						NoticeTopic.URGING, CaseNotice.words(subject), CaseNotice.words("通知正文"), "/queue",
						List.of(dispatcher.actor().personId()))));
		long id = this.jdbc.sql("select id from notification where notice_key = :key")
			.param("key", "matrix:" + tag)
			.query(Long.class)
			.single();
		// The inbox shows the newest first, and tests that move the platform's clock
		// leave
		// notices dated in the future: this one is dated after them all, to stand first.
		Timestamp newest = this.jdbc.sql("select max(updated_at) from notification").query(Timestamp.class).single();
		this.jdbc.sql("update notification set updated_at = :at where id = :id")
			.param("at", Timestamp.from(newest.toInstant().plusSeconds(1)))
			.param("id", id)
			.update();
		return new Notice(id, subject);
	}

	/** A group robot of the unit, with a message to it the worker gave up on. */
	private Robot robotOf(Unit unit, String tag) {
		String name = "专属机器人 " + tag;
		this.jdbc.sql("""
				insert into notification_robot (unit_id, name, kind, webhook_url)
				values (:unit, :name, 'WECOM', 'http://127.0.0.1:9/cgi-bin/webhook/send?key=x')""")
			.param("unit", unit.getId())
			.param("name", name)
			.update();
		long robot = this.jdbc.sql("select id from notification_robot where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
		String subject = "专属死信 " + tag;
		this.jdbc.sql("""
				insert into notification_outbox (notice_key, channel, robot_id, topic, subject, body, link, status,
				                                 attempts, next_attempt_at, last_error, created_at)
				values (:key, 'ROBOT', :robot, 'URGING', :subject, '', '', 'DEAD', 8, current_timestamp,
				        'connection refused', current_timestamp)""")
			.param("key", "matrix:" + tag)
			.param("robot", robot)
			.param("subject", subject)
			.update();
		long dead = this.jdbc.sql("select id from notification_outbox where subject = :subject")
			.param("subject", subject)
			.query(Long.class)
			.single();
		return new Robot(robot, name, dead, subject);
	}

	private void newRobot(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON).content("""
				{"unitId": %d, "name": "越权", "kind": "WECOM", "webhookUrl": "http://127.0.0.1:9/x",
				 "topics": ["URGING"]}""".formatted(t.unitId()));
	}

	private void changeRobot(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH,
					"\"" + text("select version from notification_robot where id = :id", t.robotId()) + "\"")
			.content("""
					{"name": "越权", "kind": "DINGTALK", "webhookUrl": "http://127.0.0.1:9/y", "topics": []}""");
	}

	private void robotForm(AbstractMockHttpServletRequestBuilder<?> request, Things t) {
		request.param("unitId", Long.toString(t.unitId()))
			.param("version", text("select version from notification_robot where id = :id", t.robotId()))
			.param("name", "越权")
			.param("kind", "DINGTALK")
			.param("webhookUrl", "http://127.0.0.1:9/z")
			.param("enabled", "true")
			.param("topics", "ESCALATION");
	}

	private List<Member> membersOf(String county) {
		return county.equals("A")
				? List.of(this.world.dispatcherA(), this.world.handlerA(), this.world.otherHandlerA(),
						this.world.enterpriseA(), this.world.visitorA(), this.world.leaderA(), this.world.supervisorA())
				: List.of(this.world.dispatcherB(), this.world.handlerB(), this.world.enterpriseB());
	}

	private Things other(Things t) {
		return t == this.a ? this.b : this.a;
	}

	/** The whole row of the subject, to see that nothing of it changed. */
	private String fingerprint(Subject subject, Things t) {
		switch (subject) {
			case REGION -> {
				// The region, its units and the enterprises anywhere below it.
				return text("""
						select r.name || '/' || r.level
						       || '/' || (select count(*) from unit u where u.region_code = r.code)
						       || '/' || (select count(*) from enterprise e join region er on er.code = e.region_code
						                  where er.path like r.path || '%')
						from region r where r.code = :id""", t.regionCode());
			}
			case UNIT -> {
				// The unit, its people and the regions it serves.
				return text("""
						select u.name || '/' || u.kind || '/' || u.version
						       || '/' || (select count(*) from person p where p.unit_id = u.id)
						       || '/' || (select count(*) from unit_served_region s where s.unit_id = u.id)
						from unit u where u.id = :id""", t.unitId());
			}
			case PERSON -> {
				return text("select p.display_name || '/' || p.version from person p where p.id = :id",
						t.tokenOwner().actor().personId());
			}
			case CALENDAR, NATIONAL -> {
				return this.jdbc
					.sql("select on_date, kind, name from calendar_day where region_code = :region order by on_date")
					.param("region", subject == CALENDAR ? t.regionCode() : "")
					.query()
					.listOfRows()
					.toString();
			}
			case NOTICE -> {
				return text("select coalesce(cast(read_at as varchar(40)), 'unread') from notification where id = :id",
						t.noticeId());
			}
			case ROBOT -> {
				// The unit's robots: how many, and each one's name, webhook, topics and
				// version.
				return String.join("|", this.jdbc.sql("""
						select b.name || '/' || b.webhook_url || '/' || b.kind || '/' || b.version
						       || '/' || (select count(*) from notification_robot_topic x where x.robot_id = b.id)
						from notification_robot b where b.unit_id = :id order by b.id""")
					.param("id", t.unitId())
					.query(String.class)
					.list());
			}
			case DEAD_LETTER -> {
				return text("select status || '/' || attempts from notification_outbox where id = :id",
						t.deadLetterId());
			}
			case REGISTRATION -> {
				return text("select status || '/' || version from registration where id = :id", t.registrationId());
			}
			case CONTACT -> {
				// The enterprise's contacts, each one's login, and its manager.
				return String.join("|", this.jdbc.sql("""
						select p.username || '/' || case when p.enabled then 'on' else 'off' end || '/' || p.version
						       || '/' || coalesce((select m.person_id from enterprise_manager m
						                           where m.enterprise_id = p.enterprise_id), 0)
						from person p where p.enterprise_id = :id order by p.id""")
					.param("id", t.enterpriseId())
					.query(String.class)
					.list());
			}
			case LINK -> {
				// The link, and how many links the county has.
				return text(
						"""
								select l.version || '/' || l.frequency || '/' || coalesce(cast(l.ends_on as varchar(10)), '-')
								       || '/' || (select count(*) from link c where c.region_path like '/330400/' || :region || '/%')
								from link l where l.id = :id"""
							.replace(":region", "'" + t.regionCode() + "'"),
						t.linkId());
			}
			case GROUP -> {
				// The group, and how many groups the county has.
				return text("""
						select g.name || '/' || g.version
						       || '/' || (select count(*) from work_group c where c.region_code = g.region_code)
						from work_group g where g.id = :id""", t.groupId());
			}
			case CATEGORY -> {
				return this.jdbc.sql("select * from case_category where id = :id")
					.param("id", this.world.category().id())
					.query()
					.singleRow()
					.toString();
			}
			case CAMPAIGN -> {
				return text(
						"""
								select c.title || '/' || cast(c.closes_on as varchar(10)) || '/' || coalesce(c.close_reason, '-')
								       || '/' || (select count(*) from eval_question q where q.campaign_id = c.id)
								       || '/' || (select count(*) from eval_invitation i where i.campaign_id = c.id)
								from eval_campaign c where c.id = :id""",
						t.campaignId());
			}
			case INVITATION -> {
				return text("""
						select coalesce(cast(i.answered_on as varchar(10)), 'open') || '/'
						       || (select count(*) from eval_answer a where a.campaign_id = i.campaign_id)
						from eval_invitation i where i.id = :id""", t.invitationId());
			}
			case SPOT_CHECK -> {
				return text(
						"select coalesce(rating, 'open') || '/' || coalesce(respondent, '-') from eval_spot_check where id = :id",
						t.spotCheckId());
			}
			default -> {
			}
		}
		String table = switch (subject) {
			case CASE, INTERNAL -> "cases";
			case ENTERPRISE -> "enterprise";
			case TOKEN -> "api_token";
			case NONE, PROFILE, REGION, UNIT, PERSON, CALENDAR, NATIONAL, CATEGORY, NOTICE, ROBOT, DEAD_LETTER,
					REGISTRATION, CONTACT, LINK, GROUP, CAMPAIGN, INVITATION, SPOT_CHECK ->
				throw new IllegalStateException("a change must name its subject");
		};
		long id = subject == ENTERPRISE ? t.enterpriseId() : subject == TOKEN ? t.tokenId() : t.caseId();
		String row = this.jdbc.sql("select * from " + table + " where id = :id")
			.param("id", id)
			.query()
			.singleRow()
			.toString();
		return subject == ENTERPRISE
				? row + "/" + text("select count(*) from visit where enterprise_id = :id", Long.valueOf(id)) : row;
	}

	private long casesOf(long enterpriseId) {
		return this.jdbc.sql("select count(*) from cases where enterprise_id = :id")
			.param("id", enterpriseId)
			.query(Long.class)
			.single();
	}

	private int version(Things t) {
		return this.jdbc.sql("select version from cases where id = :id")
			.param("id", t.caseId())
			.query(Integer.class)
			.single();
	}

	private String etag(Things t) {
		return "\"" + version(t) + "\"";
	}

	private String state(long caseId) {
		return this.jdbc.sql("select state from cases where id = :id").param("id", caseId).query(String.class).single();
	}

	private static LocalDate today() {
		return LocalDate.now(CHINA);
	}

	private static MockMultipartFile json(String part, String json) {
		return new MockMultipartFile(part, "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
	}

	private static MockMultipartFile pdf(String filename, String text) {
		return new MockMultipartFile("files", filename, "application/pdf",
				("%PDF-1.4\n" + text).getBytes(StandardCharsets.UTF_8));
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** "DISPATCHER t.dispatcher.a GET /api/v1/cases/12 → 200 (names QQ-…)" */
	private static String line(Member who, MvcResult result, String problem) {
		String query = result.getRequest().getQueryString();
		String target = result.getRequest().getRequestURI()
				+ (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8));
		String roles = who.actor().roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		return "%s %s %s %s → %d (%s)".formatted(roles, who.username(), result.getRequest().getMethod(), target,
				status(result), problem);
	}

	private static boolean isOurs(HandlerMethod handler) {
		return handler.getBeanType().getName().startsWith("org.qiqing.");
	}

	/**
	 * "METHOD /pattern", with "json" or "multipart" when the mapping consumes only that.
	 */
	private static List<String> endpoints(RequestMappingInfo info) {
		Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
		String format = consumes.isEmpty() ? ""
				: consumes.contains(MediaType.MULTIPART_FORM_DATA) ? " multipart"
						: consumes.contains(MediaType.APPLICATION_JSON) ? " json"
								: " " + consumes.stream().map(MediaType::toString).collect(Collectors.joining(","));
		List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("ANY")
				: info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
		List<String> endpoints = new ArrayList<>();
		for (String pattern : info.getPatternValues()) {
			for (String method : methods) {
				endpoints.add(method + " " + pattern + format);
			}
		}
		return endpoints;
	}

}
