package com.kompaas.webhooks.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** UP only when a pooled connection answers a round trip to MariaDB right now. */
@Readiness
@Liveness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      var meta = connection.getMetaData();
      return response
          .status(valid)
          .withData(
              "product", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion())
          .build();
    } catch (SQLException | RuntimeException e) {
      return response
          .down()
          .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }
}
