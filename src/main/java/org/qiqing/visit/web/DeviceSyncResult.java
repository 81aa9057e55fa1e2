package org.qiqing.visit.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;
import org.qiqing.visit.NewVisit;
import org.qiqing.visit.RecordedVisit;
import org.qiqing.visit.VisitManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * What became of one visit of a device's batch, with the status a single send of it would
 * have got: 201 (stored now) or 200 (stored by an earlier send) with the stored visit;
 * 400 or 409 with the reason (refused: the device shows why and keeps it for the official
 * to correct or discard); 500 (failed here: the device sends it again later).
 */
record DeviceSyncResult(String clientKey, int status, RecordedVisit visit, String detail, Map<String, String> errors) {

	private static final Logger log = LoggerFactory.getLogger(DeviceSyncResult.class);

	static DeviceSyncResult of(NewVisit visit, Supplier<VisitManagement.Recorded> record) {
		try {
			VisitManagement.Recorded recorded = record.get();
			return new DeviceSyncResult(visit.clientKey(),
					(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).value(), recorded.visit(), null, null);
		}
		catch (InvalidInput ex) {
			return refused(visit, HttpStatus.BAD_REQUEST, ex.getMessage(), new TreeMap<>(ex.errors()));
		}
		catch (NotAllowed ex) {
			return refused(visit, HttpStatus.CONFLICT, ex.getMessage(), null);
		}
		catch (RuntimeException ex) {
			log.error("a visit of a device's batch failed; the device sends it again", ex);
			return refused(visit, HttpStatus.INTERNAL_SERVER_ERROR, Text.of("error.internal").resolve(), null);
		}
	}

	private static DeviceSyncResult refused(NewVisit visit, HttpStatus status, String detail,
			Map<String, String> errors) {
		return new DeviceSyncResult(visit.clientKey(), status.value(), null, detail, errors);
	}

}
