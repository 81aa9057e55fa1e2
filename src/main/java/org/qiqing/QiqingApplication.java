package org.qiqing;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QiqingApplication {

	public static void main(String[] args) {
		// The platform serves China: pages show the time of day in China's time, whatever
		// zone the server was set up in.
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
		SpringApplication application = new SpringApplication(QiqingApplication.class);
		if (OneOffCommands.in(args)) {
			application.setDefaultProperties(OneOffCommands.WITHOUT_SCHEDULES);
		}
		application.run(args);
	}

}
