package com.kompaas.webhooks.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's data source as a plain {@link DataSource}, so that Payara builds a local-transaction
 * pool for it. MariaDB's own class also implements {@code XADataSource}, which makes Payara run
 * every transaction as XA. No transaction here spans two resources (messages are acknowledged after
 * the database commits; see the intake consumer), so XA would only add round trips, and in-doubt
 * branches after a crash.
 */
public class LocalMariaDbDataSource implements DataSource {

  private final MariaDbDataSource delegate = new MariaDbDataSource();

  public void setUrl(String url) throws SQLException {
    delegate.setUrl(url);
  }

  public String getUrl() {
    return delegate.getUrl();
  }

  public void setUser(String user) throws SQLException {
    delegate.setUser(user);
  }

  public String getUser() {
    return delegate.getUser();
  }

  public void setPassword(String password) throws SQLException {
    delegate.setPassword(password);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return delegate.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }
}
