package org.qiqing.notification;

/** A message was not taken by its channel; the worker tries it again later. */
class DeliveryFailed extends RuntimeException {

	DeliveryFailed(String message) {
		super(message);
	}

	DeliveryFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
