package org.listserv.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of data classes alone: Spring's JDBC slice ({@link JdbcTest}: a data source, {@code JdbcClient},
 * transactions, Flyway) on the test JVM's one embedded PostgreSQL with every migration, and nothing else of
 * the application. Import the classes under test ({@code @Import(SendRates.class)}). Each test runs in a
 * transaction that is rolled back. The class name ends in {@code IntegrationTests} (Failsafe), as every test
 * that uses the database does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(EmbeddedDatabaseConfiguration.class)
@EnableConfigurationProperties(DatabaseProperties.class)
@ActiveProfiles("test")
public @interface DataSliceTest {

}
