package dev.strata.runtime.registry;

/**
 * A registry operation failed. The message reads "Tried to &lt;action&gt; &lt;ref&gt; but failed
 * because: &lt;status&gt; &lt;registry error code&gt;"; {@link #isTransient()} says whether trying
 * again later can help (HTTP 429, 5xx, or no answer at all).
 */
public class RegistryException extends Exception {
  /** Status used when the registry never answered (connection refused, timeout). */
  public static final int NO_RESPONSE = -1;

  private final int status;
  private final String errorCode;

  /**
   * @param action what was tried, e.g. {@code push manifest}
   * @param ref the image reference or repository concerned
   * @param status the HTTP status, or {@link #NO_RESPONSE}
   * @param errorCode the registry's error code ({@code MANIFEST_UNKNOWN}), or null
   * @param detail a short explanation (the registry's message or the I/O error), or null
   * @param cause the underlying exception, or null
   */
  public RegistryException(
      String action, String ref, int status, String errorCode, String detail, Throwable cause) {
    super(message(action, ref, status, errorCode, detail), cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  private static String message(
      String action, String ref, int status, String errorCode, String detail) {
    StringBuilder why = new StringBuilder();
    why.append(status == NO_RESPONSE ? "no response" : String.valueOf(status));
    if (errorCode != null) {
      why.append(' ').append(errorCode);
    }
    if (detail != null && !detail.isBlank()) {
      why.append(" (").append(detail).append(')');
    }
    return "Tried to " + action + " " + ref + " but failed because: " + why;
  }

  /** The HTTP status, or {@link #NO_RESPONSE}. */
  public int status() {
    return status;
  }

  /** The registry's error code, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** Whether the failure may go away by itself: 429, 5xx or no response. */
  public boolean isTransient() {
    return status == NO_RESPONSE || status == 429 || status >= 500;
  }

  /** Whether the registry said the thing does not exist (404). */
  public boolean isNotFound() {
    return status == 404;
  }
}
