package com.kompaas.webhooks.platform.migration;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Runs the Flyway migrations while Hibernate builds the session factory.
 *
 * <p>Payara builds the EntityManagerFactory during deployment, before any {@code @Startup} bean, so
 * this is the earliest point where the data source exists and the schema must already be current
 * for Hibernate's {@code validate}. Flyway takes a database lock, so several instances starting at
 * once migrate exactly once.
 */
public class FlywayIntegrator implements Integrator {

  private static final Logger LOG = Logger.getLogger(FlywayIntegrator.class.getName());

  @Override
  public void integrate(
      Metadata metadata,
      BootstrapContext bootstrapContext,
      SessionFactoryImplementor sessionFactory) {
    DataSource dataSource =
        sessionFactory
            .getServiceRegistry()
            .requireService(ConnectionProvider.class)
            .unwrap(DataSource.class);
    var result =
        Flyway.configure(FlywayIntegrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema migrations applied: "
                + result.migrationsExecuted
                + ", schema version now "
                + result.targetSchemaVersion);
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor sessionFactory,
      org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
    // migrations leave nothing to release
  }
}
