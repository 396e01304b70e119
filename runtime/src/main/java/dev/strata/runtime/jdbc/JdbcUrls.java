package dev.strata.runtime.jdbc;

import java.util.regex.Pattern;

/** JDBC URL helpers. */
public final class JdbcUrls {
  // password=... as a query or ;-separated parameter, and user:password@ in the authority
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USERINFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  private JdbcUrls() {}

  /** {@code url} with any password in it replaced by {@code ***}, fit to print. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String withoutParam = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    return USERINFO.matcher(withoutParam).replaceAll("$1***@");
  }
}
