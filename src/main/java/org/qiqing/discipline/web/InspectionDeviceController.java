package org.qiqing.discipline.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.qiqing.discipline.DeviceInspections;
import org.qiqing.discipline.DisciplineFiles;
import org.qiqing.discipline.FindingOnSite;
import org.qiqing.discipline.InspectionMode;
import org.qiqing.discipline.NewFinding;
import org.qiqing.discipline.NewInspection;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The inspection page's device queue ({@code /discipline/device}, with the login
 * session), as the visit page's: the phone asks who is logged in and for a fresh CSRF
 * token, then sends its queued inspections, several in one request, each recorded on its
 * own under the key the phone made and answered on its own with the status a single send
 * would have got (201 stored now, 200 stored by an earlier send, 4xx refused with the
 * reason in the person's language, 500 failed here and sent again later).
 */
@RestController
class InspectionDeviceController {

	/** The most inspections the phone sends in one request. */
	static final int MAX_BATCH = 10;

	private static final Logger log = LoggerFactory.getLogger(InspectionDeviceController.class);

	private final DeviceInspections inspections;

	private final DisciplineFiles files;

	InspectionDeviceController(DeviceInspections inspections, DisciplineFiles files) {
		this.inspections = inspections;
		this.files = files;
	}

	/**
	 * An inspection as the phone queued it: the action it belongs to, what the
	 * {@link NewInspection} holds, and its findings (their photos are the parts
	 * {@code photos.i.j} of the request, for the inspection at position i and its finding
	 * at position j).
	 */
	record QueuedInspection(Long actionId, Long groupId, Long unitId, InspectionMode mode, LocalDate inspectedOn,
			String summary, List<NewInspection.Check> checks, String clientKey, List<NewFinding> findings) {
	}

	/** What became of one inspection of the batch. */
	record Result(String clientKey, int status, Long inspectionId, List<Long> findingIds, String detail,
			Map<String, String> errors) {
	}

	@GetMapping("/discipline/device/session")
	Map<String, Object> showSession(Actor actor, CsrfToken csrf) {
		return Map.of("user", actor.username(), "displayName", actor.displayName(), "csrfHeader", csrf.getHeaderName(),
				"csrfToken", csrf.getToken());
	}

	@PostMapping(path = "/discipline/device/sync", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	List<Result> recordInspectionsFromDevice(@RequestPart("inspections") List<QueuedInspection> queued,
			MultipartHttpServletRequest request, Actor actor) {
		if (queued.size() > MAX_BATCH || queued.contains(null)) {
			throw new InvalidInput("inspections", Text.of("discipline.error.batch", MAX_BATCH));
		}
		List<Result> results = new ArrayList<>(queued.size());
		for (int i = 0; i < queued.size(); i++) {
			results.add(record(queued.get(i), i, request, actor));
		}
		return results;
	}

	private Result record(QueuedInspection item, int i, MultipartHttpServletRequest request, Actor actor) {
		try {
			List<NewFinding> found = item.findings() == null ? List.of() : item.findings();
			List<FindingOnSite> findings = new ArrayList<>(found.size());
			for (int j = 0; j < found.size(); j++) {
				List<MultipartFile> photos = request.getFiles("photos." + i + "." + j);
				if (photos.size() > DeviceInspections.MAX_PHOTOS) {
					throw new InvalidInput("photos", Text.of("discipline.error.photos", DeviceInspections.MAX_PHOTOS));
				}
				findings.add(new FindingOnSite(found.get(j), this.files.check("photos", photos)));
			}
			if (item.actionId() == null) {
				throw new InvalidInput("actionId", Text.of("error.field.required", "actionId"));
			}
			DeviceInspections.Recorded recorded = this.inspections.record(item.actionId(),
					new NewInspection(item.groupId(), item.unitId(), item.mode(), item.inspectedOn(), item.summary(),
							item.checks(), item.clientKey()),
					findings, actor);
			return new Result(item.clientKey(), recorded.created() ? 201 : 200, recorded.id(), recorded.findingIds(),
					null, null);
		}
		catch (InvalidInput ex) {
			return refused(item, 400, ex.getMessage(), new TreeMap<>(ex.errors()));
		}
		catch (NotAllowed ex) {
			return refused(item, 409, ex.getMessage(), null);
		}
		catch (NotFound ex) {
			return refused(item, 404, ex.getMessage(), null);
		}
		catch (AccessDeniedException ex) {
			return refused(item, 409, Text.of("discipline.error.disciplineOnly").resolve(), null);
		}
		catch (RuntimeException ex) {
			log.error("an inspection of a phone's batch failed; the phone sends it again", ex);
			return refused(item, 500, Text.of("error.internal").resolve(), null);
		}
	}

	private static Result refused(QueuedInspection item, int status, String detail, Map<String, String> errors) {
		return new Result(item.clientKey(), status, null, null, detail, errors);
	}

}
