package org.qiqing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QiqingApplication {

	public static void main(String[] args) {
		SpringApplication.run(QiqingApplication.class, args);
	}

}
